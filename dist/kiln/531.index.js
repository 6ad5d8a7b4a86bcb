export const id = 531;
export const ids = [531];
export const modules = {

/***/ 2531:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderDagMermaid: () => (/* binding */ renderDagMermaid),
/* harmony export */   renderDagText: () => (/* binding */ renderDagText)
/* harmony export */ });
/** The DAG as text: each stage in run order with what it waits for and what it runs. */
function renderDagText(pipeline, dag) {
    const width = Math.max(0, ...dag.order.map((s) => s.name.length));
    const lines = dag.order.map((stage) => {
        const ups = [...(dag.upstream.get(stage.name) ?? [])];
        const what = stage.cmd ?? stage.uses ?? "";
        return `${stage.name.padEnd(width)}  ${ups.length > 0 ? `<- ${ups.join(", ")}` : "(start)"}  $ ${what}`;
    });
    return `${lines.join("\n")}\n${pipeline.stages.size} stages, ${dag.edges.length} edges\n`;
}
/** The DAG as a Mermaid flowchart (paste into a GitHub comment inside ```mermaid). */
function renderDagMermaid(dag) {
    const ids = new Map(dag.order.map((stage, index) => [stage.name, `s${index}`]));
    const lines = ["flowchart TD"];
    for (const stage of dag.order)
        lines.push(`  ${ids.get(stage.name)}["${stage.name.replaceAll('"', "#quot;")}"]`);
    for (const edge of dag.edges) {
        const label = edge.via === undefined ? "" : `|${edge.via.replaceAll('"', "#quot;").replaceAll("|", "#124;")}|`;
        lines.push(`  ${ids.get(edge.from)} -->${label} ${ids.get(edge.to)}`);
    }
    return `${lines.join("\n")}\n`;
}


/***/ })

};
