// Node 20 refuses `import x from "./file.json"` without `with { type: "json" }`;
// @actions/workflow-parser imports its schema that way, so add the attribute here.
export async function resolve(specifier, context, nextResolve) {
  if (specifier.endsWith(".json")) {
    const importAttributes = { ...context.importAttributes, type: "json" };
    return nextResolve(specifier, { ...context, importAttributes });
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url.endsWith(".json")) {
    const importAttributes = { ...context.importAttributes, type: "json" };
    return nextLoad(url, { ...context, importAttributes });
  }
  return nextLoad(url, context);
}
