"""Worker processes for the fault tests: reviewers deciding in a loop, killable at any moment.

    python -m tests.reliability.workers decide --db URL --evidence DIR --reviewer NAME \
        --count N [--via service|store] [--seed S] [--pause SECONDS]

Prints one line per outcome, flushed, *after* the transaction committed:
    ok <decision id> <code> <item> <revision>      a decision landed
    stale <code> <item>                            refused: someone else wrote first (retried)
    fel <message>                                  a user-facing error (e.g. database down)
so a test that kills the process knows exactly which decisions it was told were saved.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time

from webaudit.config import Settings
from webaudit.errors import StaleWriteError, WebauditError
from webaudit.store.decisions import DecisionInput, current_revision, record_decision
from webaudit.workspace import open_workspace

CODES = ("9001", "9002", "9003")
VALUES = ("yes", "no", "not_applicable")


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def decide(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(message)s")
    ws = open_workspace(Settings(evidence_dir=args.evidence, db=args.db))
    round_id = ws.round_id()
    items = [item.id for item in ws.checklist.items][: args.items]
    keys = [(code, item) for code in CODES for item in items]
    rng = random.Random(args.seed)
    service = None
    if args.via == "service":
        from webaudit.review.service import ReviewService

        service = ReviewService(ws, round_id, args.reviewer)
    shown: dict[tuple[str, str], int] = {}
    done = 0
    while done < args.count:
        code, item = rng.choice(keys)
        value = rng.choice(VALUES)
        note = f"{args.reviewer} #{done}"
        while True:  # a reviewer whose write was refused reads the item again and retries
            try:
                if service is not None:
                    # Like a reviewer with the site open: revisions as last shown, re-read
                    # only after a refusal.
                    if (code, item) not in shown:
                        shown[(code, item)] = service.item(code, item).revision
                    decision = service.decide(
                        code,
                        item,
                        value,
                        expected_revision=shown[(code, item)],
                        note=note,
                        seconds_spent=1.0,
                    )
                    shown[(code, item)] = decision.revision
                else:
                    # Read, then write in a separate transaction, as a reviewer does: the
                    # revision seen may be stale by the time the write arrives.
                    with ws.store.session() as session:
                        revision = current_revision(session, round_id, code, item)
                    with ws.store.session(write=True) as session:
                        decision = record_decision(
                            session,
                            DecisionInput(
                                round_id,
                                code,
                                item,
                                value,
                                args.reviewer,
                                ws.checklist.id,
                                ws.checklist.version,
                                note=note,
                            ),
                            expected_revision=revision,
                        )
                _say(f"ok {decision.id} {code} {item} {decision.revision}")
                break
            except StaleWriteError:
                shown.pop((code, item), None)
                _say(f"stale {code} {item}")
            except WebauditError as error:
                _say(f"fel {error}")
                time.sleep(0.2)
        done += 1
        if args.pause:
            time.sleep(args.pause)
    ws.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="workers")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("decide")
    run.add_argument("--db", required=True)
    run.add_argument("--evidence", required=True)
    run.add_argument("--reviewer", required=True)
    run.add_argument("--count", type=int, default=100)
    run.add_argument("--items", type=int, default=4)
    run.add_argument("--via", choices=("service", "store"), default="store")
    run.add_argument("--seed", type=int, default=0)
    run.add_argument("--pause", type=float, default=0.0)
    args = parser.parse_args()
    return decide(args)


if __name__ == "__main__":
    sys.exit(main())
