import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { FakeApi } from "../test/FakeApi";
import { renderWithSession } from "../test/render";
import * as ageIdentity from "./ageIdentity";
import { KeyringProvider } from "./KeyringProvider";
import { KeysPage } from "./KeysPage";

const PASSPHRASE = "correct horse battery";

async function renderPage(api: FakeApi) {
  return renderWithSession(
    <KeyringProvider>
      <KeysPage scryptWorkFactor={10} />
    </KeyringProvider>,
    { api, signedInAs: "ada@example.com" },
  );
}

function apiWithAda() {
  const api = new FakeApi();
  const ada = api.addUser("ada@example.com");
  return { api, ada };
}

describe("KeysPage", () => {
  it("sets up a key: registers its public key and a backup only the passphrase opens", async () => {
    const { api, ada } = apiWithAda();
    const { user } = await renderPage(api);

    const form = await screen.findByRole("form", { name: "Set up encryption" });
    await user.type(
      within(form).getByLabelText("New backup passphrase"),
      PASSPHRASE,
    );
    await user.type(
      within(form).getByLabelText("Passphrase again"),
      PASSPHRASE,
    );
    await user.click(within(form).getByRole("button", { name: "Set up" }));

    const status = await screen.findByText(/unlocked in this tab/);
    const registered = api.keys.get(ada.id);
    expect(registered?.recipient).toMatch(/^age1/);
    expect(status).toHaveTextContent(registered?.recipient ?? "missing");
    const identity = await ageIdentity.restoreIdentity(
      registered?.identityBackup ?? "",
      PASSPHRASE,
    );
    expect(await ageIdentity.recipientOf(identity)).toBe(registered?.recipient);
  });

  it("unlocks a registered key from its backup", async () => {
    const { api, ada } = apiWithAda();
    const identity = await ageIdentity.newIdentity();
    const recipient = await ageIdentity.recipientOf(identity);
    api.keys.set(ada.id, {
      recipient,
      identityBackup: await ageIdentity.backupIdentity(
        identity,
        PASSPHRASE,
        10,
      ),
      updatedAt: "2026-01-01T00:00:00Z",
    });
    const { user } = await renderPage(api);

    const form = await screen.findByRole("form", { name: "Unlock your key" });
    await user.type(
      within(form).getByLabelText("Backup passphrase"),
      "wrong passphrase!",
    );
    await user.click(within(form).getByRole("button", { name: "Unlock" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent(
      "does not open this backup",
    );

    await user.clear(within(form).getByLabelText("Backup passphrase"));
    await user.type(
      within(form).getByLabelText("Backup passphrase"),
      PASSPHRASE,
    );
    await user.click(within(form).getByRole("button", { name: "Unlock" }));

    expect(await screen.findByText(/unlocked in this tab/)).toHaveTextContent(
      recipient,
    );
  });

  it("refuses a backup of another key than the registered one", async () => {
    const { api, ada } = apiWithAda();
    const other = await ageIdentity.newIdentity();
    api.keys.set(ada.id, {
      // A server that swaps the public key must not get the user to use it.
      recipient: await ageIdentity.recipientOf(await ageIdentity.newIdentity()),
      identityBackup: await ageIdentity.backupIdentity(other, PASSPHRASE, 10),
      updatedAt: "2026-01-01T00:00:00Z",
    });
    const { user } = await renderPage(api);

    const form = await screen.findByRole("form", { name: "Unlock your key" });
    await user.type(
      within(form).getByLabelText("Backup passphrase"),
      PASSPHRASE,
    );
    await user.click(within(form).getByRole("button", { name: "Unlock" }));

    expect(await within(form).findByRole("alert")).toHaveTextContent(
      "another key than the one registered",
    );
    expect(screen.queryByText(/unlocked in this tab/)).not.toBeInTheDocument();
  });

  it("explains a key registered without a backup", async () => {
    const { api, ada } = apiWithAda();
    api.keys.set(ada.id, {
      recipient: "age1xyz",
      identityBackup: null,
      updatedAt: "2026-01-01T00:00:00Z",
    });
    await renderPage(api);

    expect(
      await screen.findByText(/registered without a backup/),
    ).toBeInTheDocument();
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
  });
});
