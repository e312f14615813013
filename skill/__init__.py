"""Back Stretch Coach: the coach core (skill.core) and its Alexa backend (skill.alexa).

`skill.lambda_handler` is the AWS Lambda entry point; it is loaded on first use so that the
core can be imported without ask-sdk.
"""

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "lambda_handler":
        from .lambda_function import lambda_handler

        return lambda_handler
    raise AttributeError(name)
