#!/usr/bin/env python3
"""R7 (BENCHMARKS.md): RPC latency of a running foliod under a connection flood.

Starts three release `foliod` processes on the PoA testnet genesis (no authority key, so no
blocks are made): two plain peers and the node under test, which dials both (its outbound
peers) and caps inbound connections at MAX_PEERS. Each round measures CALLS sequential
`chain_info` RPCs with no flood (the reference), then the same while a flood runs:

  holders   keep MAX_PEERS connections open, half silent, half dribbling one byte of a
            bogus frame (a header claiming a 4 MiB hello, then junk) every 100 ms, and
            reconnect whenever the node closes one (its handshake deadline is 10 s);
  churners  CHURNERS threads opening connections past the cap as fast as the node answers,
            each waiting for the node to close it.

Reported per round: p50 and p99 latency of both phases, their p99 ratio, connections the
churners opened and saw closed, and whether the node still had both outbound peers after
the flood. The summary is the median [min, max] of the ratios over the rounds, and the
ratio of the p99s of all rounds' calls pooled (steadier: a round's p99 is a handful of calls).
Usage: flood_bench.py FOLIOD GENESIS [rounds=5] [calls=1000] [max-peers=20] [churners=4]
"""
import json, os, re, shutil, socket, statistics, struct, subprocess, sys, tempfile, threading, time, urllib.request

foliod, genesis = sys.argv[1], sys.argv[2]
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
CALLS = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
MAX_PEERS = int(sys.argv[5]) if len(sys.argv) > 5 else 20
CHURNERS = int(sys.argv[6]) if len(sys.argv) > 6 else 4


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:
    def __init__(self, name, p2p_port, extra):
        self.dir = tempfile.mkdtemp(prefix=f"flood-{name}-")
        self.log = open(os.path.join(self.dir, "out.log"), "w+")
        args = [foliod, "--datadir", self.dir, "--network", genesis, "--rpc-port", "0", "--p2p-port", str(p2p_port),
                "--rpc-auth", "false", "--outbound-peers", "0", "--log-level", "warning"] + extra
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT)
        self.rpc_port = None
        deadline = time.time() + 60
        while time.time() < deadline and self.process.poll() is None:
            self.log.seek(0)
            found = re.search(r"rpc: http://127\.0\.0\.1:(\d+)", self.log.read())
            if found:
                self.rpc_port = int(found.group(1))
                return
            time.sleep(0.1)
        raise SystemExit(f"flood-bench: {name} did not start; see {self.log.name}")

    def rpc(self, method):
        request = urllib.request.Request(f"http://127.0.0.1:{self.rpc_port}/rpc",
                                         data=json.dumps({"jsonrpc": "2.0", "method": method, "id": 1}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())["result"]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def latencies(node, calls):
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        node.rpc("chain_info")
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))]


def outbound(node):
    return sorted(p["address"] for p in node.rpc("net_peers") if p["direction"] == "outbound")


class Flood:
    def __init__(self, port, magic):
        self.port, self.stop_flag = port, threading.Event()
        self.bogus = struct.pack("<IBI", magic, 1, 4 * 1024 * 1024 + 16) + b"\x5a" * 200
        self.opened = self.closed = 0
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.holder, args=(i % 2 == 1,)) for i in range(MAX_PEERS)]
        self.threads += [threading.Thread(target=self.churner) for _ in range(CHURNERS)]

    def start(self):
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stop_flag.set()
        for thread in self.threads:
            thread.join()

    def connect(self):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        s.settimeout(0.1)
        return s

    def holder(self, dribble):
        while not self.stop_flag.is_set():
            try:
                s = self.connect()
            except OSError:
                time.sleep(0.05)
                continue
            index = 0
            try:
                while not self.stop_flag.is_set():
                    if dribble and index < len(self.bogus):
                        s.sendall(self.bogus[index:index + 1])
                        index += 1
                    try:
                        if s.recv(4096) == b"":
                            break
                    except socket.timeout:
                        pass
            except OSError:
                pass
            finally:
                s.close()

    def churner(self):
        while not self.stop_flag.is_set():
            try:
                s = self.connect()
            except OSError:
                time.sleep(0.01)
                continue
            with self.lock:
                self.opened += 1
            deadline = time.time() + 2
            try:
                while time.time() < deadline and not self.stop_flag.is_set():
                    try:
                        if s.recv(4096) == b"":
                            with self.lock:
                                self.closed += 1
                            break
                    except socket.timeout:
                        pass
            except OSError:
                with self.lock:
                    self.closed += 1
            finally:
                s.close()


def main():
    chain_id = json.load(open(genesis))["chainId"]
    magic = chain_id ^ 0xF0110A1E
    ports = [free_port() for _ in range(3)]
    peers = [Node("first", ports[0], []), Node("second", ports[1], [])]
    node = Node("target", ports[2], ["--peers", f"127.0.0.1:{ports[0]},127.0.0.1:{ports[1]}", "--max-peers", str(MAX_PEERS)])
    expected = sorted(f"127.0.0.1:{p}" for p in ports[:2])
    try:
        deadline = time.time() + 60
        while outbound(node) != expected:
            if time.time() > deadline:
                raise SystemExit(f"flood-bench: the node did not link to both peers: {outbound(node)}")
            time.sleep(0.2)
        latencies(node, 50)  # warm-up
        load_before = open("/proc/loadavg").read().split()[:3]
        rounds, pooled_base, pooled_flood = [], [], []
        for _ in range(ROUNDS):
            base = latencies(node, CALLS)
            flood = Flood(ports[2], magic)
            flood.start()
            time.sleep(1)  # let the holders fill the cap
            flooded = latencies(node, CALLS)
            kept = outbound(node) == expected
            flood.stop()
            pooled_base += base
            pooled_flood += flooded
            rounds.append({"baseP50": percentile(base, 0.5), "baseP99": percentile(base, 0.99),
                           "floodP50": percentile(flooded, 0.5), "floodP99": percentile(flooded, 0.99),
                           "ratioP99": percentile(flooded, 0.99) / percentile(base, 0.99),
                           "churnOpened": flood.opened, "churnClosedByNode": flood.closed, "outboundKept": kept})
            time.sleep(11)  # the node's handshake deadline clears what the flood left
        load_after = open("/proc/loadavg").read().split()[:3]
        ratios = [r["ratioP99"] for r in rounds]
        print(f"{'round':>5} {'base p50':>9} {'base p99':>9} {'flood p50':>10} {'flood p99':>10} {'p99 ratio':>9} "
              f"{'churn opened/closed':>20} {'outbound kept':>13}")
        for i, r in enumerate(rounds):
            print(f"{i + 1:>5} {r['baseP50']:>8.2f}ms {r['baseP99']:>8.2f}ms {r['floodP50']:>9.2f}ms {r['floodP99']:>9.2f}ms "
                  f"{r['ratioP99']:>9.2f} {r['churnOpened']:>10}/{r['churnClosedByNode']:<9} {str(r['outboundKept']):>13}")
        print(f"p99 ratio (flood / no flood): median {statistics.median(ratios):.2f} [{min(ratios):.2f}, {max(ratios):.2f}] "
              f"over {ROUNDS} rounds of {CALLS} calls; target <= 2; load {' '.join(load_before)} -> {' '.join(load_after)}")
        pooled = percentile(pooled_flood, 0.99) / percentile(pooled_base, 0.99)
        print(f"pooled over all rounds: no flood p50 {percentile(pooled_base, 0.5):.2f} ms, p99 {percentile(pooled_base, 0.99):.2f} ms; "
              f"flood p50 {percentile(pooled_flood, 0.5):.2f} ms, p99 {percentile(pooled_flood, 0.99):.2f} ms; p99 ratio {pooled:.2f}")
        print(json.dumps({"rounds": rounds, "pooledRatioP99": pooled, "medianRatioP99": statistics.median(ratios), "minRatioP99": min(ratios),
                          "maxRatioP99": max(ratios), "loadBefore": load_before, "loadAfter": load_after,
                          "maxPeers": MAX_PEERS, "churners": CHURNERS, "calls": CALLS}))
    finally:
        for n in [node] + peers:
            n.stop()


main()
