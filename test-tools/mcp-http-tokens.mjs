// Token checks of Countersign's MCP HTTP transport, with the official TypeScript SDK client.
// usage: WRONG_TOKEN=... OTHER_TOKEN=... node mcp-http-tokens.mjs URL
// Prints one JSON object a line: what a wrong token gets, then a proposal made with the other token
// whose arguments claim another identity.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const url = new URL(process.argv[2]);
const print = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
const connect = async (token) => {
  const client = new Client({ name: "countersign-it-tokens", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
};

try {
  const intruder = await connect(process.env.WRONG_TOKEN);
  print({ step: "wrong_token", connected: true, tools: (await intruder.listTools()).tools.length });
  await intruder.close();
} catch (e) {
  print({ step: "wrong_token", connected: false, code: e.code ?? null, message: String(e.message) });
}

const other = await connect(process.env.OTHER_TOKEN);
const proposed = await other.callTool({
  name: "propose_stack_patch",
  arguments: {
    environment: "staging", stack: "web", rationale: "claims another identity",
    patch: [{ op: "replace", path: "/spec/components/0/helm/version", value: "1.1.0" }],
    as: "agent:builder", principal: "human:alice", proposer: "human:alice", on_behalf_of: "human:alice",
  },
});
print({ step: "other_token", isError: proposed.isError ?? false, proposer: proposed.structuredContent?.proposer, id: proposed.structuredContent?.id });
await other.close();
