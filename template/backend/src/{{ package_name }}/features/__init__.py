"""The project's own features: one package each under features/, found by name.

A feature package (`features/orders/`, say) holds its whole slice: its models,
repository, service, permissions and API, with its tests in
`backend/tests/features/<name>/`. Nothing lists it anywhere: the app, the GraphQL
schema, Alembic and the permission table each look in every feature package for
the module named below, so adding a feature adds files and edits none of the
files the template owns (docs/architecture.md, "Adding a feature").

    models.py       SQLAlchemy models on `models.base.Base`
    permissions.py  PERMISSIONS it declares; GRANTS: which roles hold which
    rest.py         `router`, an APIRouter served under /api/v1 (REST style)
    graphql.py      `Query` and/or `Mutation`, merged into the schema's roots
                    (GraphQL style)
"""

import importlib
import importlib.util
import pkgutil
from types import ModuleType


def feature_names() -> list[str]:
    """Every feature package, by name (the order features are mounted in)."""
    packages = pkgutil.iter_modules(__path__)
    return sorted(module.name for module in packages if module.ispkg)


def feature_modules(kind: str) -> list[ModuleType]:
    """`features.<name>.<kind>` of every feature that has one, imported."""
    found = []
    for name in feature_names():
        module_name = f"{__name__}.{name}.{kind}"
        if importlib.util.find_spec(module_name) is not None:
            found.append(importlib.import_module(module_name))
    return found


def load_models() -> None:
    """Imports every feature's models, so `Base.metadata` holds their tables."""
    feature_modules("models")
