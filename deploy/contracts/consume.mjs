// A consumer in another language, as another team would write one: it reads every record of the topics the
// AsyncAPI documents describe, from the first offset to the end, with kafkajs; parses each with the official
// CloudEvents SDK; and validates its headers and its data against the document's schemas with ajv. It exits 1 on
// any record that does not match, on a type no document describes, and when it reads no record at all.
//
//   node consume.mjs --brokers 127.0.0.1:59092 http://127.0.0.1:8081/asyncapi.yaml [more documents: URL or file]
import { readFile } from "node:fs/promises";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { CloudEvent, Kafka as CloudEventsKafka } from "cloudevents";
import { Kafka, logLevel } from "kafkajs";
import { parse as parseYaml } from "yaml";

const args = process.argv.slice(2);
let brokers = "127.0.0.1:59092";
const sources = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--brokers") brokers = args[++i];
  else sources.push(args[i]);
}
if (sources.length === 0) {
  console.error("usage: node consume.mjs [--brokers host:port] <AsyncAPI document URL or file>...");
  process.exit(2);
}

async function load(source) {
  if (/^https?:/.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source}: ${response.status}`);
    return parseYaml(await response.text());
  }
  return parseYaml(await readFile(source, "utf8"));
}

const schemaId = (topic, name) => `https://tcy-ledger.local/asyncapi/${topic}/${name}`;

// Each document's component schemas become schemas of their own, named per topic, and its references follow.
function withRefsIn(topic, schema) {
  if (Array.isArray(schema)) return schema.map((s) => withRefsIn(topic, s));
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
      ? `${schemaId(topic, value.substring("#/components/schemas/".length))}`
      : withRefsIn(topic, value);
  }
  return out;
}

const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);

const messagesByType = new Map();
const topics = [];
for (const source of sources) {
  const document = await load(source);
  for (const channel of Object.values(document.channels)) {
    const topic = channel.address;
    topics.push(topic);
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      ajv.addSchema(withRefsIn(topic, schema), schemaId(topic, name));
    }
    for (const ref of Object.values(channel.messages)) {
      const message = document.components.messages[ref.$ref.substring("#/components/messages/".length)];
      messagesByType.set(message.name, {
        topic,
        headers: ajv.compile(withRefsIn(topic, message.headers)),
        payload: ajv.compile(withRefsIn(topic, message.payload)),
      });
    }
  }
}

const kafka = new Kafka({ clientId: "tcy-contract-check", brokers: brokers.split(","), logLevel: logLevel.WARN });
const admin = kafka.admin();
await admin.connect();
const ends = new Map();
let expected = 0;
for (const topic of topics) {
  for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
    ends.set(`${topic}/${partition}`, BigInt(high));
    expected += Number(BigInt(high) - BigInt(low));
  }
}
await admin.disconnect();

const counts = new Map();
const failures = [];
const failed = new Set();
let read = 0;
const lastSequence = new Map();

function fail(where, reason) {
  failures.push(`${where}: ${reason}`);
  failed.add(where);
}

function check(topic, partition, record) {
  const where = `${topic}/${partition}@${record.offset}`;
  const headers = {};
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    headers[name] = Buffer.isBuffer(value) ? value.toString("utf8") : String(value);
  }
  let event;
  try {
    event = CloudEventsKafka.toEvent({ key: record.key?.toString("utf8"), value: record.value, headers });
    if (!(event instanceof CloudEvent)) throw new Error("not one CloudEvent");
    event.validate();
  } catch (error) {
    return fail(where, `not a CloudEvent: ${error.message} ${JSON.stringify(error.errors ?? "")}`);
  }
  const described = messagesByType.get(event.type);
  if (!described) return fail(where, `type ${event.type} is described by no document`);
  if (described.topic !== topic) return fail(where, `type ${event.type} belongs on ${described.topic}`);
  if (!described.headers(headers)) {
    return fail(where, `${event.type} headers: ${ajv.errorsText(described.headers.errors, { dataVar: "headers" })}`);
  }
  if (record.key?.toString("utf8") !== event.subject) fail(where, "the key is not the subject");
  if (!described.payload(event.data)) {
    return fail(where, `${event.type} data: ${ajv.errorsText(described.payload.errors, { dataVar: "data" })}`);
  }
  const stream = `${event.source} ${event.subject}`;
  const sequence = BigInt(headers.ce_sequence);
  const last = lastSequence.get(stream);
  if (last !== undefined && sequence <= last) fail(where, `${stream}: sequence ${sequence} after ${last}`);
  lastSequence.set(stream, sequence);
  counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
}

const consumer = kafka.consumer({ groupId: `tcy-contract-check-${process.pid}-${Date.now()}` });
await consumer.connect();
for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
const remaining = new Set([...ends].filter(([, end]) => end > 0n).map(([key]) => key));
const done = new Promise((resolve) => {
  if (remaining.size === 0) resolve();
  consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      read++;
      check(topic, partition, message);
      if (BigInt(message.offset) + 1n >= ends.get(`${topic}/${partition}`)) {
        remaining.delete(`${topic}/${partition}`);
        if (remaining.size === 0) resolve();
      }
    },
  });
});
const timeout = setTimeout(() => {
  console.error(`timed out with ${remaining.size} partitions unread: ${[...remaining].join(", ")}`);
  process.exit(1);
}, 120_000);
await done;
clearTimeout(timeout);
await consumer.disconnect();

for (const topic of topics) {
  const types = [...counts].filter(([type]) => messagesByType.get(type).topic === topic);
  const records = types.reduce((sum, [, n]) => sum + n, 0);
  console.log(`${topic}: ${records} records valid, ${types.length} event types seen of ${
    [...messagesByType.values()].filter((m) => m.topic === topic).length} described`);
}
console.log(`contracts: ${read} records read (${expected} on the topics), ${read - failed.size} valid, `
  + `${failed.size} failed, ${messagesByType.size} event types described`);
for (const failure of failures.slice(0, 50)) console.error(`  ${failure}`);
if (failures.length > 0 || read === 0 || read < expected) process.exit(1);
