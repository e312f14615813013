"""moto's DynamoDB server for the store tests: started once per test process on 127.0.0.1.

No tests here; `dynamo_env()` gives the environment a boto3 client (in this process or a child
process) needs to reach it, with dummy credentials so nothing looks for real ones.
"""

from __future__ import annotations

import atexit
import logging
import threading

_lock = threading.Lock()
_env: dict[str, str] = {}


def dynamo_env() -> dict[str, str]:
    with _lock:
        if not _env:
            from moto.server import ThreadedMotoServer

            logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request
            server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
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
