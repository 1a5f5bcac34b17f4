import type {
  Api,
  BrowserSession,
  Credentials,
  Item,
  ItemChanges,
  ItemDraft,
  ItemQuery,
  Page,
  PageRequest,
  Role,
  User,
} from "../api/Api";
import { ApiError } from "../api/ApiError";

export const CSRF_TOKEN = "csrf-token-of-the-session";
export const PASSWORD = "correct horse battery";

interface Account {
  user: User;
  password: string;
}

/**
 * The Api in memory, with the server's rules that the screens rely on: who may
 * do what, filtering, sorting and paging. Every method is a plain async
 * function, so tests can spy on it (vi.spyOn) or replace it.
 */
export class FakeApi implements Api {
  readonly accounts: Account[] = [];
  items: Item[] = [];
  /** Whose session the refresh cookie holds; null when there is none. */
  sessionOf: User | null = null;
  private sequence = 0;

  /** Adds an account; its password is PASSWORD unless given. */
  addUser(
    email: string,
    options: { admin?: boolean; password?: string } = {},
  ): User {
    const user: User = {
      id: `user-${String(++this.sequence)}`,
      email,
      roles: options.admin === true ? ["admin", "member"] : ["member"],
      isActive: true,
      createdAt: "2026-01-02T03:04:05Z",
    };
    this.accounts.push({ user, password: options.password ?? PASSWORD });
    return user;
  }

  /** Adds items owned by `owner`, titled as given, the first one oldest. */
  addItems(owner: User, ...titles: string[]): Item[] {
    return titles.map((title) => {
      const created = new Date(
        Date.UTC(2026, 0, 1, 0, ++this.sequence),
      ).toISOString();
      const item: Item = {
        id: `item-${String(this.sequence)}`,
        ownerId: owner.id,
        title,
        description: "",
        status: "open",
        createdAt: created,
        updatedAt: created,
      };
      this.items.push(item);
      return item;
    });
  }

  async register({ email }: Credentials): Promise<User> {
    await Promise.resolve();
    if (this.accounts.some((account) => account.user.email === email)) {
      throw new ApiError(
        "conflict",
        "This e-mail address is already registered.",
      );
    }
    return this.addUser(email);
  }

  async signIn({ email, password }: Credentials): Promise<BrowserSession> {
    await Promise.resolve();
    const account = this.accounts.find(
      (candidate) => candidate.user.email === email,
    );
    if (account?.password !== password || !account.user.isActive) {
      throw new ApiError(
        "unauthenticated",
        "The email address or password is incorrect.",
      );
    }
    this.sessionOf = account.user;
    return this.newSession();
  }

  async refreshSession(csrfToken: string): Promise<BrowserSession> {
    await Promise.resolve();
    if (this.sessionOf === null) throw new ApiError("unauthenticated");
    if (csrfToken !== CSRF_TOKEN) throw new ApiError("forbidden");
    return this.newSession();
  }

  async signOut(csrfToken: string): Promise<void> {
    await Promise.resolve();
    if (csrfToken !== CSRF_TOKEN) throw new ApiError("forbidden");
    this.sessionOf = null;
  }

  async currentUser(): Promise<User> {
    return Promise.resolve(this.caller());
  }

  async listItems(query: ItemQuery): Promise<Page<Item>> {
    const caller = this.caller();
    const visible = this.items.filter(
      (item) =>
        (isAdminUser(caller) || item.ownerId === caller.id) &&
        (query.status === null || item.status === query.status),
    );
    const ordered = [...visible].sort(ORDER[query.sort]);
    return Promise.resolve(paged(ordered, query));
  }

  async createItem(draft: ItemDraft): Promise<Item> {
    const [item] = this.addItems(this.caller(), draft.title);
    if (item === undefined) throw new Error("unreachable");
    Object.assign(item, {
      description: draft.description,
      status: draft.status,
    });
    return Promise.resolve({ ...item });
  }

  async updateItem(id: string, changes: ItemChanges): Promise<Item> {
    const item = this.ownItem(id);
    Object.assign(item, changes);
    return Promise.resolve({ ...item });
  }

  async deleteItem(id: string): Promise<void> {
    const item = this.ownItem(id);
    this.items = this.items.filter((candidate) => candidate !== item);
    return Promise.resolve();
  }

  async listUsers(page: PageRequest): Promise<Page<User>> {
    this.requireAdmin();
    return Promise.resolve(
      paged(
        this.accounts.map((account) => account.user),
        page,
      ),
    );
  }

  async setRoles(userId: string, roles: readonly Role[]): Promise<User> {
    const user = this.otherUser(userId);
    user.roles = [...roles];
    return Promise.resolve({ ...user });
  }

  async deactivateUser(userId: string): Promise<User> {
    const user = this.otherUser(userId);
    user.isActive = false;
    return Promise.resolve({ ...user });
  }

  private newSession(): BrowserSession {
    return {
      accessToken: `access-token-${String(++this.sequence)}`,
      expiresInSeconds: 900,
      csrfToken: CSRF_TOKEN,
    };
  }

  private caller(): User {
    if (this.sessionOf === null) throw new ApiError("unauthenticated");
    return this.sessionOf;
  }

  private requireAdmin(): void {
    if (!isAdminUser(this.caller())) {
      throw new ApiError("forbidden", "Administrators only.");
    }
  }

  private ownItem(id: string): Item {
    const caller = this.caller();
    const item = this.items.find((candidate) => candidate.id === id);
    if (
      item === undefined ||
      (item.ownerId !== caller.id && !isAdminUser(caller))
    ) {
      throw new ApiError("not-found", "The item does not exist.");
    }
    return item;
  }

  private otherUser(userId: string): User {
    this.requireAdmin();
    const account = this.accounts.find(
      (candidate) => candidate.user.id === userId,
    );
    if (account === undefined)
      throw new ApiError("not-found", "The user does not exist.");
    if (account.user.id === this.caller().id) {
      throw new ApiError(
        "conflict",
        "Administrators cannot change their own account here.",
      );
    }
    return account.user;
  }
}

function isAdminUser(user: User): boolean {
  return user.roles.includes("admin");
}

const ORDER: Readonly<Record<ItemQuery["sort"], (a: Item, b: Item) => number>> =
  {
    newest: (a, b) => b.createdAt.localeCompare(a.createdAt),
    oldest: (a, b) => a.createdAt.localeCompare(b.createdAt),
    title: (a, b) => a.title.localeCompare(b.title),
    "title-desc": (a, b) => b.title.localeCompare(a.title),
  };

function paged<T>(all: readonly T[], { limit, offset }: PageRequest): Page<T> {
  return {
    items: all.slice(offset, offset + limit),
    total: all.length,
    limit,
    offset,
  };
}
