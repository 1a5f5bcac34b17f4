"""What the orders service needs from the database, as interfaces."""

import uuid
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Protocol

from ...models.page import Page, PageRequest
from .models import Order


class OrderRepository(Protocol):
    async def add(self, order: Order) -> None: ...

    async def get(
        self, order_id: uuid.UUID, *, owner_id: uuid.UUID | None
    ) -> Order | None:
        """The order, if it exists and (unless owner_id is None) is owner_id's."""
        ...

    async def list_page(
        self, *, owner_id: uuid.UUID | None, page: PageRequest
    ) -> Page[Order]: ...


class OrdersUnitOfWork(Protocol):
    @property
    def orders(self) -> OrderRepository: ...

    async def commit(self) -> None: ...


OrdersUnitOfWorkFactory = Callable[[], AbstractAsyncContextManager[OrdersUnitOfWork]]
