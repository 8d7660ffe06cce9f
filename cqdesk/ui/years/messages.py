"""Why two reports make no ledger (the domain's sentences), in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..library.messages import translated_by


def _table() -> list[tuple[str, str]]:
    return [
        (
            r"that is the same report twice; choose two reports",
            QCoreApplication.translate("YearsMessages", "that is the same report twice; choose two reports"),
        ),
        (
            r"(.+) is of (.+) and (.+) of (.+): compare two reports of one region",
            QCoreApplication.translate(
                "YearsMessages", "%1 is of %2 and %3 of %4: targets and outcomes compare two reports of one region"
            ),
        ),
        (r"the year of (.+) is not known", QCoreApplication.translate("YearsMessages", "the year of %1 is not known")),
        (
            r"both reports are of (\d+); choose reports of two years",
            QCoreApplication.translate("YearsMessages", "both reports are of %1; choose reports of two years"),
        ),
        (
            r"the (\d+) report reviews (\d+), not (\d+)",
            QCoreApplication.translate(
                "YearsMessages", "the %1 report reviews %2, not %3: choose the report of the year after the plan"
            ),
        ),
        (
            r"the (\d+) report cannot be the plan side: its plan states no 主要预期目标",
            QCoreApplication.translate(
                "YearsMessages", "the %1 report cannot be the plan side: its plan states no 主要预期目标"
            ),
        ),
        (
            r"the (\d+) report cannot be the plan side: it has no plan part \(二、…工作安排\)",
            QCoreApplication.translate(
                "YearsMessages", "the %1 report cannot be the plan side: it has no plan part (二、…工作安排)"
            ),
        ),
        (
            r"the (\d+) report cannot be the outcome side: it has no review of the year before \(一、…工作回顾\)",
            QCoreApplication.translate(
                "YearsMessages",
                "the %1 report cannot be the outcome side: it has no review of the year before (一、…工作回顾)",
            ),
        ),
    ]


def translated(message: str) -> str:
    return translated_by(_table(), message)
