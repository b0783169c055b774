"""A real SMTP server for the reminder tests (SPEC §11), on 127.0.0.1, built on aiosmtpd.

    python3 smtp_relay.py PORT_FILE MAILBOX_FILE [--refuse ADDRESS]... [--drop ADDRESS]... [--starttls CERT KEY]

Writes the port it listens on to PORT_FILE once it is ready, and appends each message it accepts
to MAILBOX_FILE as one JSON line: {"from", "to", "data"}. A recipient given with --refuse is
refused with 551 at RCPT; a message to one given with --drop has its connection dropped in the
middle of DATA, before the relay answers. Runs until killed.
"""
import asyncio
import json
import signal
import socket
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP


def main():
    # A test runner's child may start with signals blocked: let SIGTERM and SIGINT end it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    args = sys.argv[1:]
    port_file, mailbox = args[0], args[1]
    refuse, drop, tls = set(), set(), None
    i = 2
    while i < len(args):
        if args[i] == "--refuse":
            refuse.add(args[i + 1].lower()); i += 2
        elif args[i] == "--drop":
            drop.add(args[i + 1].lower()); i += 2
        elif args[i] == "--starttls":
            tls = (args[i + 1], args[i + 2]); i += 3
        else:
            raise SystemExit("unknown argument " + args[i])

    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.lower() in refuse:
                return "551 5.1.1 User not local; please try <postmaster@council.invalid>"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            if any(r.lower() in drop for r in envelope.rcpt_tos):
                # Drop the connection before answering: the message is not accepted.
                server.transport.abort()
                return "421 dropped"
            with open(mailbox, "a") as f:
                f.write(json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                                    "data": envelope.original_content.decode("utf-8", "replace")}) + "\n")
            return "250 2.0.0 Ok: queued"

    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    kwargs = {}
    if tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(tls[0], tls[1])
        kwargs = {"tls_context": context, "require_starttls": True}
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    with open(port_file + ".tmp", "w") as f:
        f.write(str(port))
    import os
    os.replace(port_file + ".tmp", port_file)
    try:
        asyncio.get_event_loop().run_until_complete(asyncio.Event().wait())
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
