"""For ProtocolBenchmark: answers every handler message with its done, at once."""
import json
import sys

for line in sys.stdin:
    m = json.loads(line)
    if "id" in m:
        sys.stdout.write('{"type":"done","re":%d}\n' % m["id"])
        sys.stdout.flush()
