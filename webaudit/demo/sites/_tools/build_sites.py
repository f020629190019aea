"""Regenerate the demo sites' HTML, CSS and JS from the site_*.py modules.

Usage:  python3 webaudit/demo/sites/_tools/build_sites.py

The generated files under webaudit/demo/sites/<slug>/ are committed and are
what the demo server and the tests read. PDFs are built separately by
make_pdfs.py (needs Chromium). Links between hosts use the token
__HOST_<slug>__, which the demo server replaces at serve time.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import site_demokoping  # noqa: E402
import site_exempelas  # noqa: E402
import site_fiktivhamn  # noqa: E402
import site_monsterby  # noqa: E402
import site_provsala  # noqa: E402
import site_testvik  # noqa: E402

MODULES = [site_demokoping, site_exempelas, site_provsala, site_testvik, site_monsterby, site_fiktivhamn]


def main() -> None:
    for mod in MODULES:
        mod.build()
        print(f"built {mod.SLUG}")


if __name__ == "__main__":
    main()
