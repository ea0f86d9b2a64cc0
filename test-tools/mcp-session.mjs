// The scripted agent session of Countersign's MCP ITs, with the official TypeScript SDK client.
// usage: node mcp-session.mjs COMMAND [ARGS...]   (a server over stdio)
//        node mcp-session.mjs --http URL           (streamable HTTP; the bearer token in $MCP_TOKEN)
// Prints one JSON object a line; after revising it prints {"step":"revised","id":...} and waits for
// one line on standard input (the human approved on the review page), then reads the proposal.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createInterface } from "node:readline";

const [command, ...args] = process.argv.slice(2);
const print = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
const text = (result) => result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");
const firstLine = (result) => text(result).split("\n")[0];
const patch = (version) => [{ op: "replace", path: "/spec/components/1/helm/version", value: version }];

const client = new Client({ name: "countersign-it", version: "1.0.0" });
const bearer = { headers: { Authorization: `Bearer ${process.env.MCP_TOKEN}` } };
await client.connect(command === "--http"
  ? new StreamableHTTPClientTransport(new URL(args[0]), { requestInit: bearer })
  : new StdioClientTransport({ command, args, stderr: "inherit" }));
const call = (name, a) => client.callTool({ name, arguments: a });

const tools = (await client.listTools()).tools;
print({ step: "tools", names: tools.map((t) => t.name), readOnly: tools.filter((t) => t.annotations?.readOnlyHint).map((t) => t.name) });
print({ step: "list_stacks", text: text(await call("list_stacks", { environment: "staging" })) });
const recorded = await call("get_stack", { environment: "staging", stack: "web" });
const document = JSON.stringify(recorded.structuredContent.document);
print({ step: "plan_stack", text: text(await call("plan_stack", { environment: "staging", stack: document })) });
const proposed = await call("propose_stack_patch", { environment: "staging", stack: "web", rationale: "new api", patch: patch("2.0.0") });
print({ step: "proposed", id: firstLine(proposed), isError: proposed.isError ?? false, text: text(proposed) });
const approve = await call("check_policy", { environment: "staging", stack: document, action: "approve" });
print({ step: "check_policy_approve", isError: approve.isError ?? false, text: text(approve) });
const revised = await call("revise_proposal", { id: firstLine(proposed), patch: patch("2.1.0") });
print({ step: "revised", id: firstLine(revised), isError: revised.isError ?? false });

const stdin = createInterface({ input: process.stdin });
await new Promise((resolve) => stdin.once("line", resolve));
stdin.close();
const shown = await call("get_proposal", { id: firstLine(revised) });
print({ step: "final", state: shown.structuredContent?.state, text: text(shown) });
await client.close();
