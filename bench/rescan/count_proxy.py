#!/usr/bin/env python3
"""A loopback TCP relay that counts the bytes it carries, for the rescan benchmark.

    count_proxy.py LISTEN_PORT TARGET_PORT OUT_JSON

Relays 127.0.0.1:LISTEN_PORT to 127.0.0.1:TARGET_PORT. On SIGTERM/SIGINT it writes
{"to_server": n, "to_client": n, "connections": n} to OUT_JSON and exits. Standard library only.
"""
import asyncio
import json
import signal
import sys

counts = {"to_server": 0, "to_client": 0, "connections": 0}


async def pipe(reader, writer, key):
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            counts[key] += len(data)
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        try:
            writer.close()
        except Exception:
            pass


async def handle(client_reader, client_writer, target_port):
    counts["connections"] += 1
    try:
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target_port)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(pipe(client_reader, server_writer, "to_server"),
                         pipe(server_reader, client_writer, "to_client"))


async def main():
    listen_port, target_port, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    server = await asyncio.start_server(lambda r, w: handle(r, w, target_port), "127.0.0.1", listen_port,
                                        backlog=1024)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print("ready", flush=True)
    await stop.wait()
    server.close()
    with open(out, "w") as f:
        json.dump(counts, f)


if __name__ == "__main__":
    asyncio.run(main())
