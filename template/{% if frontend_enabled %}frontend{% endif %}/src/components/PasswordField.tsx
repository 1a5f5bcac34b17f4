interface PasswordFieldProps {
  label: string;
  name: string;
  /** Lets password managers offer a saved secret ("current-password") or a new one. */
  autoComplete: "current-password" | "new-password";
  value: string;
  onChange: (value: string) => void;
}

/** A labelled, required password input. */
export function PasswordField({
  label,
  name,
  autoComplete,
  value,
  onChange,
}: PasswordFieldProps) {
  return (
    <label>
      {label}
      <input
        type="password"
        name={name}
        autoComplete={autoComplete}
        required
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </label>
  );
}
