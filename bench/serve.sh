#!/usr/bin/env bash
# Benchmark: `guong serve` on N generated models (SPEC §7: one model edited at 10,000 models,
# until the browser reloads, under 200 ms). Starts the server, listens to its event stream
# like a browser, edits one model file ROUNDS times and measures, for each edit:
#   event  = file written → `reload` event received,
#   reload = file written → the edited page fetched again, showing the edit
#            (what a reader waits for: the browser reloads on the event).
#
#   bench/serve.sh [MODELS] [ROUNDS]      (default 10000 10)
#
# Needs python3. The corpus is generated into bench/out/site-serve (a copy, edited in place).
set -euo pipefail
cd "$(dirname "$0")/.."
models=${1:-10000}
rounds=${2:-10}
out=bench/out
gen=bench/gen_corpus.py

cargo build --release --quiet
mkdir -p "$out"
rm -rf "$out/site-serve"
python3 "$gen" --models "$models" --out "$out/site-serve" --flavor guong >/dev/null

python3 - "$PWD/target/release/guong" "$out/site-serve" "$rounds" <<'PY'
import glob, re, socket, statistics, subprocess, sys, time

guong, site, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
started = time.monotonic()
server = subprocess.Popen([guong, "--root", site, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
try:
    for line in server.stdout:
        if line.startswith("Đang phục vụ tại http://"):
            host, port = line.split("http://")[1].split("/")[0].rsplit(":", 1)
            break
    else:
        sys.exit("serve stopped before listening")
    print(f"start (read, check, listen): {time.monotonic() - started:.2f} s")

    def get(path):
        with socket.create_connection((host, int(port)), timeout=30) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        return data.decode("utf-8", "replace")

    models = sorted(glob.glob(f"{site}/content/mo-hinh/**/*.md", recursive=True))
    model = models[len(models) // 2]
    model_id = model.rsplit("/", 1)[1][:-3]
    page = f"/mo-hinh/{model_id}/"
    t = time.monotonic()
    status = get(page).split("\r\n", 1)[0]
    if " 200 " not in status:
        sys.exit(f"{page}: {status}")
    print(f"first page (prepare the site): {(time.monotonic() - t) * 1000:.0f} ms")

    events = socket.create_connection((host, int(port)))
    events.sendall(f"GET /__guong/events HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
    # A server that stops answering or closes the stream ends the benchmark with a message
    # instead of waiting for ever.
    events.settimeout(30)
    seen = b""
    def wait_for(marker):
        global seen
        while marker not in seen:
            try:
                chunk = events.recv(4096)
            except socket.timeout:
                sys.exit(f"no `{marker.decode()}` from the server within 30 s")
            if not chunk:
                sys.exit("the server closed the event stream")
            seen += chunk
        seen = seen[seen.index(marker) + len(marker):]
    wait_for(b"event: hello")

    text = open(model, encoding="utf-8").read()
    to_event, to_page = [], []
    for i in range(rounds):
        mark = f"Sửa lần {i + 1} lúc đo"
        edited = re.sub(r'^title: "(?:Sửa lần \d+ lúc đo: )?', f'title: "{mark}: ', text, count=1, flags=re.M)
        t0 = time.monotonic()
        with open(model, "w", encoding="utf-8") as f:
            f.write(edited)
        wait_for(b"event: reload")
        t1 = time.monotonic()
        body = get(page)
        while mark not in body:  # a browser reloads again on the next event
            if time.monotonic() - t0 > 30:
                sys.exit(f"round {i + 1}: the page does not show the edit")
            wait_for(b"event: reload")
            body = get(page)
        t2 = time.monotonic()
        to_event.append((t1 - t0) * 1000)
        to_page.append((t2 - t0) * 1000)
        time.sleep(0.3)
    open(model, "w", encoding="utf-8").write(text)
    fmt = lambda xs: f"median {statistics.median(xs):.0f} ms, max {max(xs):.0f} ms"
    print(f"edit → reload event: {fmt(to_event)}")
    print(f"edit → edited page fetched: {fmt(to_page)} (target < 200 ms)")
finally:
    server.kill()
    server.wait()
PY
