#!/usr/bin/env bash
# Prints a Markdown table of the last TCK run: per package, tests run, passed, failed (failures + errors), skipped,
# read from surefire's XML reports. Usage: tck/tally.sh [reports-dir]
set -euo pipefail
dir="${1:-$(dirname "$0")/target/surefire-reports}"
for f in "$dir"/TEST-*.xml; do
  # The <testsuite> element's attributes: name (the class), tests, errors, skipped, failures.
  head -c 4096 "$f" | tr '\n' ' ' | grep -o '<testsuite [^>]*>' | head -1
done | {
  echo "| package (servlet.tck.…) | run | passed | failed | skipped |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  awk '
  function attr(s, n,   m) { return match(s, " " n "=\"[^\"]*\"") ? substr(s, RSTART + length(n) + 3, RLENGTH - length(n) - 4) : "" }
  {
    cls = attr($0, "name"); pkg = cls; sub(/\.[^.]*$/, "", pkg); sub(/^servlet\.tck\./, "", pkg)
    t = attr($0, "tests"); e = attr($0, "errors"); s = attr($0, "skipped"); f = attr($0, "failures")
    run[pkg] += t - s; fail[pkg] += e + f; skip[pkg] += s; seen[pkg] = 1
  }
  END {
    for (p in seen) {
      printf "| %s | %d | %d | %d | %d |\n", p, run[p], run[p] - fail[p], fail[p], skip[p] | "sort"
      R += run[p]; F += fail[p]; S += skip[p]
    }
    close("sort")
    print "| **total** | " R " | " R - F " | " F " | " S " |"
  }'
}
