"""Every backend runs the same contract: one `backend` fixture parametrised over all three."""

import pytest
from django.db import connection

from search.backends import get_backend

BACKENDS = [
    pytest.param("search.backends.tantivy", id="tantivy"),
    pytest.param("search.backends.whoosh", id="whoosh"),
    # the database backend needs the test database: marked, not requested lazily, so that
    # pytest-django sets the test database up before anything connects
    pytest.param("search.backends.postgres", id="postgres", marks=pytest.mark.django_db),
]


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path):
    if request.param.endswith("postgres") and connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL backend needs a PostgreSQL test database (DATABASE_URL)")
    engine = get_backend(backend=request.param, path=tmp_path / "index")
    yield engine
    engine.clear()
