"""Placing, reading and paying orders: the rules, whatever the API style.

Members see and change their own orders; `orders:read-any` (administrators)
widens reading to everyone's. Someone else's order is reported as missing.
"""

import uuid
from collections.abc import Callable
from datetime import datetime

from ...errors import ConflictError, InvalidInputError, NotFoundError
from ...models.page import Page, PageRequest
from ...security.rbac import Principal, require
from ...services.pages import checked_page
from .models import MAX_AMOUNT_CENTS, Order, OrderStatus
from .permissions import OrderPermission
from .ports import OrdersUnitOfWorkFactory

NO_SUCH_ORDER = "No order with this id."


class OrderService:
    def __init__(
        self,
        *,
        unit_of_work: OrdersUnitOfWorkFactory,
        clock: Callable[[], datetime],
    ) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def place(self, principal: Principal, *, amount_cents: int) -> Order:
        require(principal, OrderPermission.WRITE)
        if not 0 < amount_cents <= MAX_AMOUNT_CENTS:
            raise InvalidInputError(
                f"The amount must be between 1 and {MAX_AMOUNT_CENTS} cents."
            )
        order = Order(
            id=uuid.uuid4(),
            owner_id=principal.user_id,
            amount_cents=amount_cents,
            status=OrderStatus.OPEN,
            created_at=self._clock(),
        )
        async with self._unit_of_work() as uow:
            await uow.orders.add(order)
            await uow.commit()
        return order

    async def get(self, principal: Principal, order_id: uuid.UUID) -> Order:
        require(principal, OrderPermission.READ)
        owner = principal.owner_scope(OrderPermission.READ_ANY)
        async with self._unit_of_work() as uow:
            order = await uow.orders.get(order_id, owner_id=owner)
        if order is None:
            raise NotFoundError(NO_SUCH_ORDER)
        return order

    async def list_orders(self, principal: Principal, page: PageRequest) -> Page[Order]:
        require(principal, OrderPermission.READ)
        owner = principal.owner_scope(OrderPermission.READ_ANY)
        async with self._unit_of_work() as uow:
            return await uow.orders.list_page(owner_id=owner, page=checked_page(page))

    async def pay(self, principal: Principal, order_id: uuid.UUID) -> Order:
        """Marks the caller's own open order paid."""
        require(principal, OrderPermission.WRITE)
        async with self._unit_of_work() as uow:
            order = await uow.orders.get(order_id, owner_id=principal.user_id)
            if order is None:
                raise NotFoundError(NO_SUCH_ORDER)
            if order.status is not OrderStatus.OPEN:
                raise ConflictError(f"The order is {order.status.value}, not open.")
            order.status = OrderStatus.PAID
            await uow.commit()
        return order
