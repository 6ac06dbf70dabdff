"""For ProtocolBenchmark: answers every sdk message with sdkResult, at once, on the reading thread."""
import json
import sys

for line in sys.stdin:
    m = json.loads(line)
    if m.get("type") == "sdk":
        sys.stdout.write('{"type":"sdkResult","re":%d,"ok":true}\n' % m["id"])
        sys.stdout.flush()
