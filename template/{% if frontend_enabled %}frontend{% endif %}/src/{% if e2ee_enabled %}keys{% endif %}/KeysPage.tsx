import { ApiError } from "../api/ApiError";
import { useApi } from "../api/useApi";
import { ErrorMessage } from "../components/ErrorMessage";
import { useLoad } from "../hooks/useLoad";
import {
  backupIdentity,
  newIdentity,
  recipientOf,
  restoreIdentity,
} from "./ageIdentity";
import { SetUpKeyForm } from "./SetUpKeyForm";
import { UnlockKeyForm } from "./UnlockKeyForm";
import { useKeyring } from "./useKeyring";

/**
 * The user's end-to-end encryption key: set up (a new key, its passphrase
 * backup, registered), or unlocked from the backup in a new tab. The secret key
 * is made and opened here, in the browser; the server keeps only the public key
 * and the encrypted backup.
 */
export function KeysPage({
  scryptWorkFactor,
}: {
  /** age's default unless given (tests make backups cheap). */
  scryptWorkFactor?: number;
}) {
  const api = useApi();
  const keyring = useKeyring();
  const registered = useLoad("my-key", () => api.myKey());

  async function setUp(passphrase: string) {
    const identity = await newIdentity();
    const recipient = await recipientOf(identity);
    const backup = await backupIdentity(identity, passphrase, scryptWorkFactor);
    await api.registerKey(recipient, backup);
    keyring.unlock({ identity, recipient });
    registered.reload();
  }

  async function unlock(backup: string, recipient: string, passphrase: string) {
    const identity = await restoreIdentity(backup, passphrase);
    if ((await recipientOf(identity)) !== recipient) {
      throw new ApiError(
        "invalid",
        "This backup holds another key than the one registered for your account.",
      );
    }
    keyring.unlock({ identity, recipient });
  }

  const key = registered.value;
  return (
    <section aria-labelledby="keys-heading">
      <h1 id="keys-heading">Encryption key</h1>
      <ErrorMessage error={registered.error} />
      {keyring.unlocked !== null ? (
        <p role="status">
          Your key is unlocked in this tab:{" "}
          <code>{keyring.unlocked.recipient}</code>. It is forgotten when you
          sign out or reload the page.
        </p>
      ) : key === undefined ? (
        registered.loading && <p role="status">Loading…</p>
      ) : key === null ? (
        <>
          <p>
            Your files are encrypted with a key that only your browsers and
            devices hold. Choose a passphrase for its backup: the server keeps
            the backup, and only the passphrase opens it.
          </p>
          <SetUpKeyForm onSetUp={setUp} />
        </>
      ) : key.identityBackup === null ? (
        <p>
          Your key was registered without a backup, so this browser cannot
          unlock it. Register it again with a backup from the command-line
          client (<code>register-key --backup</code>).
        </p>
      ) : (
        <>
          <p>
            Your key is locked in this tab. Its public key is{" "}
            <code>{key.recipient}</code>.
          </p>
          <UnlockKeyForm
            onUnlock={(passphrase) =>
              unlock(key.identityBackup ?? "", key.recipient, passphrase)
            }
          />
        </>
      )}
    </section>
  );
}
