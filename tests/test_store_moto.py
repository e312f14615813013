"""moto's DynamoDB server for the store tests: started once per test process on 127.0.0.1.

No tests here; `dynamo_env()` gives the environment a boto3 client (in this process or a child
process) needs to reach it, with dummy credentials so nothing looks for real ones.

The server handles one request at a time. Real DynamoDB applies a conditional write atomically;
moto's threaded server checks the condition and writes the item without a lock, so two racing
conditional puts can both succeed there (seen in about one run in ten of the concurrency tests).
Serving requests one by one gives the tests the guarantee DynamoDB itself gives.
"""

from __future__ import annotations

import atexit
import logging
import threading

from moto.moto_server.threaded_moto_server import ThreadedMotoServer
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import WSGIRequestHandler, make_server

_lock = threading.Lock()
_env: dict[str, str] = {}


class _OneRequestPerConnection(WSGIRequestHandler):
    # Served one at a time, an idle keep-alive connection (a boto3 client of an earlier test)
    # would hold the server until it timed out: close every connection after its response.
    protocol_version = "HTTP/1.0"


class SerialMotoServer(ThreadedMotoServer):
    def _server_entry(self) -> None:
        app = DomainDispatcherApplication(create_backend_app)
        self._server = make_server(
            self._ip_address, self._port, app, threaded=False,
            request_handler=_OneRequestPerConnection,
        )  # fmt: skip
        self._server_ready_event.set()
        self._server.serve_forever()


def dynamo_env() -> dict[str, str]:
    with _lock:
        if not _env:
            logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request
            server = SerialMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
            server.start()
            atexit.register(server.stop)
            host, port = server.get_host_and_port()
            _env.update(
                AWS_ACCESS_KEY_ID="testing",
                AWS_SECRET_ACCESS_KEY="testing",
                AWS_SESSION_TOKEN="testing",
                AWS_DEFAULT_REGION="us-east-1",
                AWS_REGION="us-east-1",
                AWS_ENDPOINT_URL_DYNAMODB=f"http://{host}:{port}",
            )
        return dict(_env)
