"""Control numbers are handed out once per partner and kind, also across restarts."""

from __future__ import annotations

from posync.bootstrap import bootstrap
from posync.config import Settings


def test_numbers_go_on_after_a_restart_and_never_repeat(settings: Settings) -> None:
    first = bootstrap(settings)
    with first.uow_factory() as uow:
        assert uow.control_numbers.reserve("ACME", "interchange") == [1]
        assert uow.control_numbers.reserve("ACME", "set", 3) == [1, 2, 3]
        assert uow.control_numbers.reserve("GLOBEX", "interchange") == [1]
        uow.commit()
    first.close()

    restarted = bootstrap(settings)
    with restarted.uow_factory() as uow:
        assert uow.control_numbers.reserve("ACME", "interchange", 2) == [2, 3]
        assert uow.control_numbers.reserve("ACME", "set") == [4]
        uow.commit()
    restarted.close()


def test_numbers_of_a_unit_of_work_that_did_not_commit_are_not_taken(settings: Settings) -> None:
    application = bootstrap(settings)
    with application.uow_factory() as uow:
        assert uow.control_numbers.reserve("ACME", "group") == [1]
    with application.uow_factory() as uow:
        assert uow.control_numbers.reserve("ACME", "group") == [1]
        uow.commit()
    with application.uow_factory() as uow:
        assert uow.control_numbers.reserve("ACME", "group") == [2]
    application.close()
