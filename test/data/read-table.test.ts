import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetWriteFile } from "hyparquet-writer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTable } from "../../runtime/data/read-table.js";
import type { Column, Table } from "../../runtime/data/table.js";
import { DataError } from "../../runtime/errors.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kiln-data-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

function column(table: Table, name: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

/** The values of a column as plain JS values, missing as null. */
function valuesOf(c: Column): (number | string | null)[] {
  if (c.kind === "categorical") return Array.from(c.codes, (code) => (code < 0 ? null : c.categories[code]!));
  return Array.from(c.values, (v) => (Number.isNaN(v) ? null : v));
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error: unknown) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

describe("reading CSV", () => {
  it("infers numeric, categorical and boolean columns into typed arrays and keeps missing values missing", async () => {
    const path = await file(
      "mixed.csv",
      "age,city,member,score\n31,Paris,true,1.5\nNA,Lyon,false,\n45,,TRUE,NaN\n28,Paris,null,-2e3\n",
    );
    const table = await readTable(path);
    expect(table.rowCount).toBe(4);
    expect(table.columns.map((c) => [c.name, c.kind])).toEqual([
      ["age", "numeric"],
      ["city", "categorical"],
      ["member", "boolean"],
      ["score", "numeric"],
    ]);
    const age = column(table, "age");
    expect(age.kind === "numeric" && age.values).toBeInstanceOf(Float64Array);
    expect(valuesOf(age)).toEqual([31, null, 45, 28]);
    const city = column(table, "city");
    expect(city.kind === "categorical" && city.codes).toBeInstanceOf(Int32Array);
    expect(valuesOf(city)).toEqual(["Paris", "Lyon", null, "Paris"]);
    expect(city.kind === "categorical" && city.categories).toEqual(["Paris", "Lyon"]);
    expect(valuesOf(column(table, "member"))).toEqual([1, 0, 1, null]);
    expect(valuesOf(column(table, "score"))).toEqual([1.5, null, null, -2000]);
  });

  it("turns a column categorical when a later value is text, keeping the earlier values as text", async () => {
    const path = await file("zip.csv", "zip\n75001\n69002\nA-100\n75001\n");
    const zip = column(await readTable(path), "zip");
    expect(zip.kind).toBe("categorical");
    expect(valuesOf(zip)).toEqual(["75001", "69002", "A-100", "75001"]);
  });

  it("reads numbers as categories when the schema declares the column categorical", async () => {
    const path = await file("codes.csv", "code,x\n1,2\n2,3\n1,\n");
    const table = await readTable(path, { schema: { code: "categorical" } });
    expect(valuesOf(column(table, "code"))).toEqual(["1", "2", "1"]);
  });

  it("names the row, line and column of a non-numeric value in a declared-numeric column", async () => {
    const path = await file("bad.csv", "x,y\n1,2\n3,4\noops,5\n");
    const error = await rejection(readTable(path, { schema: { x: "numeric" } }));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toBe(
      `${path}, row 3, column 'x': expected a number but found 'oops' (line 4). Fix the value, leave the cell empty for a missing value, or declare the column categorical.`,
    );
  });

  it("rejects a value that is not a boolean in a declared-boolean column", async () => {
    const path = await file("flags.csv", "f\ntrue\nmaybe\n");
    const error = await rejection(readTable(path, { schema: { f: "boolean" } }));
    expect(error.message).toContain(
      "row 2, column 'f': expected a boolean (true/false, 1/0, yes/no) but found 'maybe'",
    );
  });

  it("reads only the requested columns, in the requested order", async () => {
    const path = await file("three.csv", "a,b,c\n1,x,3\n2,y,4\n");
    const table = await readTable(path, { columns: ["c", "a"] });
    expect(table.columns.map((c) => c.name)).toEqual(["c", "a"]);
    expect(valuesOf(column(table, "c"))).toEqual([3, 4]);
  });

  it("says which columns exist when a requested column does not", async () => {
    const path = await file("two.csv", "a,b\n1,2\n");
    const error = await rejection(readTable(path, { columns: ["a", "z"] }));
    expect(error.message).toBe(`${path}, column 'z': no such column; the file has 'a', 'b'.`);
  });

  it("names the line of a row with the wrong number of fields", async () => {
    const path = await file("ragged.csv", "a,b\n1,2\n3\n");
    const error = await rejection(readTable(path));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toBe(`${path}, row 2: expected 2 fields like the header but found 1 (line 3).`);
  });

  it("reads tab-separated files by their extension", async () => {
    const path = await file("t.tsv", "a\tb\n1\tx y\n");
    expect(valuesOf(column(await readTable(path), "b"))).toEqual(["x y"]);
  });
});

describe("reading JSON Lines", () => {
  it("collects keys from every row and treats absent keys and nulls as missing", async () => {
    const path = await file(
      "rows.jsonl",
      '{"a": 1, "b": "x"}\n\n{"a": null, "c": true}\n{"b": "y", "a": 2.5}\n',
    );
    const table = await readTable(path);
    expect(table.rowCount).toBe(3);
    expect(valuesOf(column(table, "a"))).toEqual([1, null, 2.5]);
    expect(valuesOf(column(table, "b"))).toEqual(["x", null, "y"]);
    expect(column(table, "c").kind).toBe("boolean");
    expect(valuesOf(column(table, "c"))).toEqual([null, 1, null]);
  });

  it("names the line that is not JSON", async () => {
    const path = await file("broken.jsonl", '{"a": 1}\n{"a": \n');
    const error = await rejection(readTable(path));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toMatch(/broken\.jsonl, row 2: line 2 is not valid JSON/);
  });

  it("names the row and column of text in a declared-numeric key", async () => {
    const path = await file("typed.jsonl", '{"a": 1}\n{"a": "two"}\n');
    const error = await rejection(readTable(path, { schema: { a: "numeric" } }));
    expect(error.message).toContain("row 2, column 'a': expected a number but found 'two' (line 2).");
  });
});

describe("reading Parquet", () => {
  it("maps Parquet types to column kinds and nulls to missing values", async () => {
    const path = join(dir, "typed.parquet");
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: "price", data: [1.25, null, 3.5, 4], type: "DOUBLE" },
        { name: "count", data: [1n, 2n, null, 40n], type: "INT64" },
        { name: "city", data: ["Paris", null, "Lyon", "Paris"], type: "STRING" },
        { name: "open", data: [true, false, null, true], type: "BOOLEAN" },
      ],
    });
    const table = await readTable(path);
    expect(table.rowCount).toBe(4);
    expect(table.columns.map((c) => c.kind)).toEqual(["numeric", "numeric", "categorical", "boolean"]);
    expect(valuesOf(column(table, "price"))).toEqual([1.25, null, 3.5, 4]);
    expect(valuesOf(column(table, "count"))).toEqual([1, 2, null, 40]);
    expect(valuesOf(column(table, "city"))).toEqual(["Paris", null, "Lyon", "Paris"]);
    expect(valuesOf(column(table, "open"))).toEqual([1, 0, null, 1]);
  });

  it("honours a declared schema and a column selection", async () => {
    const path = join(dir, "codes.parquet");
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: "code", data: [7, 8, 7], type: "INT32" },
        { name: "other", data: [1, 2, 3], type: "INT32" },
      ],
    });
    const table = await readTable(path, { schema: { code: "categorical" }, columns: ["code"] });
    expect(table.columns.map((c) => c.name)).toEqual(["code"]);
    expect(valuesOf(column(table, "code"))).toEqual(["7", "8", "7"]);
  });

  it("rejects a file that is not Parquet", async () => {
    const path = await file("fake.parquet", "a,b\n1,2\n");
    const error = await rejection(readTable(path));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toMatch(/fake\.parquet: not a readable Parquet file/);
  });
});

describe("choosing a reader", () => {
  it("lists the formats it reads for an unknown extension", async () => {
    const path = await file("sheet.xlsx", "");
    const error = await rejection(readTable(path));
    expect(error.message).toBe(
      `${path}: cannot read '.xlsx' files; Kiln reads .csv, .jsonl, .ndjson, .parquet, .tsv.`,
    );
  });

  it("says so when the data file does not exist", async () => {
    const error = await rejection(readTable(join(dir, "absent.csv")));
    expect(error).toBeInstanceOf(DataError);
    expect(error.message).toContain("absent.csv: the data file does not exist or cannot be read.");
  });

  it("rejects a schema kind it does not know", async () => {
    const path = await file("k.csv", "a\n1\n");
    const error = await rejection(readTable(path, { schema: { a: "date" as never } }));
    expect(error.message).toContain(
      "column 'a': the schema gives kind 'date'; expected one of boolean, categorical, numeric.",
    );
  });
});
