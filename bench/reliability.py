"""The reliability table: run every case in tests/reliability and write the result of each.

    /tmp/v/bin/python bench/reliability.py [--decisions 10000] [--reviewers 4]
        [--export-sites 40] [--kills 8] [-k EXPR] [--no-write]

Runs the cases with pytest (real Chromium, a throwaway PostgreSQL, real SIGKILL, a real tmpfs
where it can be mounted), reads the JUnit report, prints the table with the load each case held,
and puts it in docs/reliability.md between the table markers. Exits non-zero if a case failed.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "reliability.md"
START, END = "<!-- reliability-table:start -->", "<!-- reliability-table:end -->"

# test function -> (area, what the case is). Parametrised ids are appended to the case.
CASES: dict[str, tuple[str, str]] = {
    # integrity
    "test_an_intact_round_verifies": (
        "Integrity",
        "`verify` on an intact round (files, WACZ, decision history)",
    ),
    "test_an_altered_screenshot_is_detected": (
        "Integrity",
        "`verify` detects a deliberately altered screenshot",
    ),
    "test_a_deleted_capture_file_is_detected": (
        "Integrity",
        "`verify` detects a deleted capture file",
    ),
    "test_orphans_are_reported_and_moved_aside_not_deleted": (
        "Integrity",
        "orphaned files reported; `--move-orphans` moves, never deletes",
    ),
    "test_round_scope_does_not_call_other_files_orphans": (
        "Integrity",
        "`verify --round` checks only the round's files",
    ),
    "test_a_structurally_broken_wacz_is_reported": (
        "Integrity",
        "a structurally broken WACZ is reported",
    ),
    "test_wacz_validation": (
        "Integrity",
        "WACZ validation: missing/altered WARC, no datapackage, truncated zip",
    ),
    "test_a_bundle_checks_out_with_openssl_and_sha256sum": (
        "Integrity",
        "signed bundle checks out with `openssl pkeyutl -verify` and `sha256sum -c`",
    ),
    "test_tampering_with_a_bundle_is_caught_by_the_standard_tools": (
        "Integrity",
        "tampered bundle: altered file, then forged SHA256SUMS, caught",
    ),
    "test_a_bundle_signed_by_another_key_is_refused": (
        "Integrity",
        "bundle checked against another key is refused",
    ),
    "test_verify_checks_the_manifests_kept_in_the_evidence_folder": (
        "Integrity",
        "`verify` re-checks the signed manifests in the evidence folder",
    ),
    "test_no_bundle_is_made_from_altered_evidence": (
        "Integrity",
        "no bundle is signed over altered evidence",
    ),
    "test_verify_bundle_command": ("Integrity", "`verify --bundle` as a municipality would run it"),
    "test_keys_stay_outside_the_evidence_folder_and_are_never_overwritten": (
        "Integrity",
        "signing key: outside the evidence folder, 0600, never overwritten, passphrase",
    ),
    # backup
    "test_round_trip_sqlite_to_postgresql_and_back": (
        "Backup",
        "backup SQLite → restore PostgreSQL → backup → restore SQLite, rows and file hashes equal",
    ),
    "test_restoring_twice_changes_nothing": (
        "Backup",
        "restoring twice (or after an interrupted restore) changes nothing",
    ),
    "test_every_table_is_part_of_a_round_backup": (
        "Backup",
        "every table in the schema is covered by a round backup",
    ),
    "test_conflicting_rows_are_refused_and_nothing_is_written": (
        "Backup",
        "older state over newer (conflicting rows) refused, nothing written",
    ),
    "test_damaged_or_hostile_archives_are_refused": (
        "Backup",
        "damaged or hostile archives (altered member, symlink, traversal, not a tar) refused",
    ),
    "test_backup_refuses_incomplete_evidence": ("Backup", "backup refuses missing evidence"),
    "test_archive_is_plain_tar_with_jsonl_and_checksums": (
        "Backup",
        "archive is plain tar: JSONL per table, files, SHA256SUMS",
    ),
    # faults
    "test_kill_9_during_crawl_resumes_with_nothing_lost_or_duplicated": (
        "Fault",
        "kill -9 during crawl (twice), then resume",
    ),
    "test_disk_full_on_a_real_small_filesystem": (
        "Fault",
        "disk full while writing a capture (real tmpfs)",
    ),
    "test_disk_full_injected_at_the_os_boundary": (
        "Fault",
        "disk full while writing a capture (ENOSPC injected at the OS call)",
    ),
    "test_a_crawl_stopped_by_a_full_disk_prints_no_traceback": (
        "Fault",
        "a crawl stopped by a full disk prints one line, no traceback",
    ),
    "test_kill_9_during_decisions_loses_nothing_acknowledged": (
        "Fault",
        "kill -9 during a decision",
    ),
    "test_postgres_restarted_mid_review": ("Fault", "PostgreSQL restarted mid-review"),
    "test_unreachable_database_is_one_clear_line": (
        "Fault",
        "unreachable database: one clear line",
    ),
    "test_concurrent_reviewers_lose_no_update": ("Fault", "reviewers writing at once, sustained"),
    "test_kill_9_during_export": ("Fault", "kill -9 during export"),
    "test_kill_9_during_evidence_lists": ("Fault", "kill -9 during evidence lists"),
    "test_transient_errors_are_retried_until_they_pass": (
        "Fault",
        "retry layer: transient errors retried",
    ),
    "test_other_errors_are_not_retried": ("Fault", "retry layer: other errors not retried"),
    "test_past_the_deadline_a_user_gets_one_clear_line": (
        "Fault",
        "retry layer: past the deadline, one clear line",
    ),
    "test_a_cut_off_commit_that_landed_is_not_written_twice": (
        "Fault",
        "cut-off COMMIT that landed is not written twice",
    ),
    "test_a_write_that_never_landed_is_retried": ("Fault", "write that never landed is retried"),
    # bad input
    "test_a_broken_registry_is_refused": ("Bad input", "registry file"),
    "test_bad_registry_rows_are_skipped_with_their_line_numbers": (
        "Bad input",
        "registry rows: traversal code, javascript:/file:/ftp:, credentials, duplicate, field count",
    ),
    "test_a_broken_checklist_is_refused": ("Bad input", "checklist file"),
    "test_a_checklist_that_is_not_utf8_is_refused": ("Bad input", "checklist file: not UTF-8"),
    "test_the_unbroken_files_load": ("Bad input", "control: the unbroken files load"),
    "test_the_crawl_finishes_and_the_other_site_is_crawled": (
        "Bad input",
        "hostile site beside an ordinary one: crawl finishes, other site crawled",
    ),
    "test_a_hostile_page_is_recorded_and_contained": ("Bad input", "hostile page"),
    "test_nothing_lands_outside_the_evidence_layout": (
        "Bad input",
        "file names from URLs: nothing outside the evidence layout",
    ),
    "test_cheap_hostile_pages_are_captured_whole": (
        "Bad input",
        "broken HTML/charsets readable, pop-ups not crawled, odd links not followed",
    ),
    "test_dialogs_are_dismissed_and_the_capture_kept": (
        "Bad input",
        "dialogs dismissed, capture kept",
    ),
    "test_a_beforeunload_trap_does_not_break_the_next_capture": (
        "Bad input",
        "beforeunload trap does not break later captures",
    ),
    "test_private_addresses_are_refused_without_a_request": (
        "Bad input",
        "private/loopback/link-local sites refused without a request",
    ),
    "test_odd_url_forms_never_reach_a_private_address": ("Bad input", "odd URL form"),
}
ORDER = ("Integrity", "Backup", "Fault", "Bad input")


@dataclass
class Row:
    area: str
    case: str
    load: str
    result: str
    seconds: float


def _outcome(case: ET.Element) -> str:
    for child in case:
        if child.tag in ("failure", "error"):
            return "**FAIL**"
        if child.tag == "skipped":
            if (child.get("type") or "").endswith("xfail"):
                return "known bug (xfail)"
            return f"skipped: {(child.get('message') or '')[:60]}"
    return "pass"


def read_report(path: Path) -> list[Row]:
    rows = []
    for case in ET.parse(path).getroot().iter("testcase"):
        name = case.get("name", "")
        function, _, param = name.partition("[")
        area, text = CASES.get(function, ("Other", function))
        if param:
            text = f"{text}: {param.rstrip(']')}"
        load = "; ".join(
            p.get("value", "") for p in case.iter("property") if p.get("name") == "load"
        )
        rows.append(Row(area, text, load, _outcome(case), float(case.get("time", 0))))
    rows.sort(key=lambda r: ORDER.index(r.area) if r.area in ORDER else len(ORDER))
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(rows: list[Row], header: str) -> str:
    lines = [
        header,
        "",
        "| area | case | load held / what happened | result | s |",
        "|---|---|---|---|---:|",
    ]
    lines += [
        f"| {r.area} | {_cell(r.case)} | {_cell(r.load)} | {r.result} | {r.seconds:.1f} |"
        for r in rows
    ]
    passed = sum(r.result == "pass" for r in rows)
    lines += ["", f"{passed} of {len(rows)} cases pass."]
    return "\n".join(lines)


def write_doc(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    if START not in doc or END not in doc:
        raise SystemExit(f"{DOC}: table markers missing")
    head, _, rest = doc.partition(START)
    _, _, tail = rest.partition(END)
    DOC.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decisions", type=int, default=10_000, help="sustained-load decisions")
    parser.add_argument("--reviewers", type=int, default=4, help="reviewer processes (2-4)")
    parser.add_argument("--export-sites", type=int, default=40, help="municipalities exported")
    parser.add_argument("--kills", type=int, default=8, help="kill -9 per export format")
    parser.add_argument("-k", dest="select", help="pytest -k expression (a subset of cases)")
    parser.add_argument("--no-write", action="store_true", help="print only, leave the doc")
    args = parser.parse_args()
    env = {
        **os.environ,
        "WEBAUDIT_RELIABILITY_DECISIONS": str(args.decisions),
        "WEBAUDIT_RELIABILITY_REVIEWERS": str(args.reviewers),
        "WEBAUDIT_RELIABILITY_EXPORT_SITES": str(args.export_sites),
        "WEBAUDIT_RELIABILITY_KILLS": str(args.kills),
    }
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.xml"
        command = [
            sys.executable,
            "-m",
            "pytest",
            "tests/reliability",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--junitxml={report}",
            "-o",
            "junit_family=xunit1",
        ]
        if args.select:
            command += ["-k", args.select]
        started = time.monotonic()
        subprocess.run(command, cwd=ROOT, env=env, check=False)
        wall = time.monotonic() - started
        rows = read_report(report)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = (
        f"Produced by `bench/reliability.py --decisions {args.decisions} --reviewers "
        f"{args.reviewers} --export-sites {args.export_sites} --kills {args.kills}` on {when} "
        f"({platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}); wall time {wall / 60:.1f} min."
    )
    text = table(rows, header)
    print(text)
    if not args.no_write and not args.select:
        write_doc(text)
        print(f"\nwrote {DOC.relative_to(ROOT)}")
    return 0 if rows and all(r.result in ("pass",) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
