"""Bounded property-based fuzzing of the OpenAPI schema: no request may cause a server error."""

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from framing.api.app import create_app
from framing.models.model import FrameModel
from conftest import CORPUS  # noqa: F401  (conftest on the path)

app = create_app(model=FrameModel.load(), db_path=":memory:")
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case):
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    assert response.status_code < 500
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error", "status"} and body["status"] == response.status_code
