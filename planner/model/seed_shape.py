"""The model-shape checks of the seeds: rules the engine relies on that no single cell shows.

Every region and sector covered (regions, growth, elasticities), Mexico's production shares
of each sector summing to 1, and the lever controls sound (a choice has choices, a default
fits its kind and range, each alignment has a ``value`` choice including ``none``).  Rows
whose cells already failed are left out, so a problem is reported once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from planner.model.problem_text import Number, ProblemText, problem_template
from planner.model.seed_table import SeedTable, Value, at_cell, expected_found, in_column
from planner.model.tables import ALIGNMENT_VALUES, REGION_IDS, TABLES_BY_NAME

SHARE_SUM_TOLERANCE = 0.005


def check_model_shape(seeds: Mapping[str, SeedTable]) -> list[str]:
    """Rules the engine relies on that no single cell shows: coverage, sums, lever controls."""
    problems: list[str] = []

    def rows(name: str) -> list[tuple[int, dict[str, Value]]]:
        seed = seeds.get(name)
        if seed is None:
            return []
        return [
            (ln, r) for ln, r, bad in zip(seed.lines, seed.rows, seed.bad, strict=True) if not bad
        ]

    def where(name: str, column: str) -> ProblemText:
        return in_column(seeds[name].display, column)

    no_region_row = problem_template("{where}: expected a row for region {region}, found none")

    sectors = [r["id"] for _, r in rows("sectors")]

    def every_region(table: str, column: str) -> None:
        present = {r[column] for _, r in rows(table)}
        problems.extend(
            ProblemText(no_region_row, where=where(table, column), region=rid)
            for rid in REGION_IDS
            if rid not in present
        )

    if "regions" in seeds:
        every_region("regions", "id")
    if "elasticities" in seeds:
        have = {(r["sector"], r["kind"]) for _, r in rows("elasticities")}
        kinds = TABLES_BY_NAME["elasticities"].column("kind").choices
        for s in sectors:
            for k in kinds:
                if (s, k) not in have:
                    problems.append(
                        ProblemText(
                            "{where}: expected a {kind} row for sector {sector}, found none",
                            where=where("elasticities", "kind"),
                            kind=k,
                            sector=s,
                        )
                    )
    if "growth" in seeds:
        every_region("growth", "region")
    if "mx_production" in seeds:
        totals: dict[Value, float] = defaultdict(float)
        for _, r in rows("mx_production"):
            totals[r["sector"]] += float(r["share"] or 0.0)
        for s in sectors:
            if abs(totals.get(s, 0.0) - 1.0) > SHARE_SUM_TOLERANCE:
                problems.append(
                    ProblemText(
                        "{where}: expected the shares of sector {sector} to sum to 1, "
                        "found {total}",
                        where=where("mx_production", "share"),
                        sector=s,
                        total=Number(totals.get(s, 0.0), ".4f"),
                    )
                )
    problems.extend(_check_lever_params(seeds, rows))
    return problems


def _check_lever_params(seeds: Mapping[str, SeedTable], rows) -> list[str]:
    if "lever_params" not in seeds or "levers" not in seeds:
        return []
    problems: list[str] = []
    display = seeds["lever_params"].display
    groups = {r["id"]: r["group"] for _, r in rows("levers")}
    has_value_param: set[Value] = set()
    for line, r in rows("lever_params"):
        kind, default = r["kind"], r["default"]
        choices = [c.strip() for c in str(r["choices"] or "").split(";") if c.strip()]
        if kind == "choice" and not choices:
            problems.append(
                ProblemText(
                    "{where}: expected values separated by ';', found none",
                    where=at_cell(display, line, "choices"),
                )
            )
        if default not in (None, ""):
            problem = _default_problem(kind, str(default), choices, r["minimum"], r["maximum"])
            if problem:
                where = at_cell(display, line, "default")
                problems.append(ProblemText("{where}: {problem}", where=where, problem=problem))
        if groups.get(r["lever_id"]) == "alignment" and r["param"] == "value":
            has_value_param.add(r["lever_id"])
            bad = [c for c in choices if c not in ALIGNMENT_VALUES]
            if kind != "choice" or bad or "none" not in choices:
                problems.append(
                    ProblemText(
                        "{where}: expected an alignment choice among {choices} including none, "
                        "found {found}",
                        where=at_cell(display, line, "choices"),
                        choices=";".join(ALIGNMENT_VALUES),
                        found=repr(r["choices"]),
                    )
                )
    for lever_id, group in groups.items():
        if group == "alignment" and lever_id not in has_value_param:
            problems.append(
                ProblemText(
                    "{where}: expected a 'value' row for alignment {lever}, found none",
                    where=in_column(display, "param"),
                    lever=lever_id,
                )
            )
    return problems


def _default_problem(
    kind: Value, default: str, choices: list[str], low: Value, high: Value
) -> str | None:
    if kind == "choice":
        ok = default in choices
        return None if ok else expected_found(ProblemText("one of the choices"), repr(default))
    if kind == "switch":
        ok = default.lower() in ("true", "false", "1", "0")
        return None if ok else expected_found(ProblemText("true or false"), repr(default))
    try:
        number = int(default) if kind == "integer" else float(default)
    except ValueError:
        whole = kind == "integer"
        expected = ProblemText("a whole number") if whole else ProblemText("a number")
        return expected_found(expected, repr(default))
    if low is not None and number < float(low):
        minimum = ProblemText("at least the minimum {minimum}", minimum=Number(low, "g"))
        return expected_found(minimum, default)
    if high is not None and number > float(high):
        maximum = ProblemText("at most the maximum {maximum}", maximum=Number(high, "g"))
        return expected_found(maximum, default)
    return None
