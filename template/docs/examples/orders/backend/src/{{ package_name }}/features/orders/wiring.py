"""The orders service on the running app's database, for either transport."""

from ...models.columns import utc_now
from ...resources import Resources
from ...store.transactions import units_of_work
from .repository import SqlOrdersUnitOfWork
from .service import OrderService


def order_service(resources: Resources) -> OrderService:
    return OrderService(
        unit_of_work=units_of_work(resources.session_factory, SqlOrdersUnitOfWork),
        clock=utc_now,
    )
