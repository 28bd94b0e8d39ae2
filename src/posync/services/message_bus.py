"""The message bus: routes each command to its one handler."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from posync.services.commands import Command

R = TypeVar("R")

Handler = Callable[[Any], Any]


class MessageBus:
    def __init__(self, handlers: Mapping[type[Command[Any]], Handler]) -> None:
        self._handlers = dict(handlers)

    def handle(self, command: Command[R]) -> R:
        handler = self._handlers.get(type(command))
        if handler is None:
            raise LookupError(f"no handler is registered for {type(command).__name__}")
        result: R = handler(command)
        return result
