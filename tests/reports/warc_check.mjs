// An independent reader for exposcan's WARC files: Webrecorder's warcio.js parses the file
// (gzip per record), and Node's crypto re-computes every WARC-Block-Digest (over the raw block)
// and WARC-Payload-Digest (over the payload warcio finds after the HTTP head, not decoded).
// Usage: node warc_check.mjs FILE.warc.gz  →  one JSON object on stdout.
import { WARCParser } from "warcio";
import crypto from "node:crypto";
import fs from "node:fs";

function sha256(bytes) {
  return "sha256:" + crypto.createHash("sha256").update(bytes).digest("hex");
}

async function pass(file, parseHttp) {
  const out = [];
  const parser = new WARCParser(fs.createReadStream(file), { parseHttp, keepHeadersCase: true });
  for await (const record of parser) {
    const h = record.warcHeaders.headers;
    const bytes = await record.readFully(false);
    out.push({
      type: h.get("WARC-Type"),
      id: h.get("WARC-Record-ID"),
      uri: h.get("WARC-Target-URI"),
      date: h.get("WARC-Date"),
      contentType: h.get("Content-Type"),
      contentLength: Number(h.get("Content-Length")),
      protocol: h.get("WARC-Protocol"),
      concurrentTo: h.get("WARC-Concurrent-To"),
      refersTo: h.get("WARC-Refers-To"),
      blockDigest: h.get("WARC-Block-Digest"),
      payloadDigest: h.get("WARC-Payload-Digest"),
      status: record.httpHeaders ? record.httpHeaders.statusCode : null,
      digest: sha256(bytes),
      length: bytes.length,
      offset: parser.offset,
    });
  }
  return out;
}

const file = process.argv[2];
const raw = await pass(file, false);
const http = await pass(file, true);
const records = raw.map((r, i) => ({
  type: r.type,
  id: r.id,
  uri: r.uri,
  date: r.date,
  contentType: r.contentType,
  protocol: r.protocol,
  concurrentTo: r.concurrentTo,
  refersTo: r.refersTo,
  status: http[i] ? http[i].status : null,
  offset: r.offset,
  blockOk: r.blockDigest === r.digest && r.length === r.contentLength,
  payloadOk: r.payloadDigest ? (http[i] && http[i].digest === r.payloadDigest) : null,
}));
process.stdout.write(JSON.stringify({ reader: "warcio", records }) + "\n");
