/**
 * A stand-in for the national procedure database (UPSTREAMS.md §2), which
 * tests cannot reach: a real HTTP server answering `POST /jsp/rest.jsp`
 * (`params=<JSON>`) in the gateway's shapes: search pages with ROW_STT and
 * TOTAL, steps and required documents per procedure ID. A test can make any
 * request misbehave (an HTML error page, a bot-protection challenge, an
 * empty answer, missing or extra keys) and sees every request it got.
 * Also the national Excel list export, written with `write-excel-file`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import writeXlsxFile from 'write-excel-file/node';

export interface NationalItem {
  ID: number;
  PROCEDURE_CODE: string;
  PROCEDURE_NAME: string;
  FIELD_NAME: string;
  IMPLEMENTATION_AGENCY?: string;
  [extra: string]: unknown;
}

export interface GatewayAnswer {
  status?: number;
  contentType?: string;
  body: string;
}

/** What the gateway was asked: the parsed `params`. */
export type GatewayParams = Record<string, unknown> & { service: string };

export interface NationalGatewayStub {
  url: string;
  /** Every request's params, in order. */
  requests: GatewayParams[];
  /** When set, answers a request instead of the normal gateway (undefined: answer normally). */
  misbehave?: (params: GatewayParams, index: number) => GatewayAnswer | undefined;
  close(): Promise<void>;
}

/** `count` national procedures of one commune, real-looking: codes 1.1000NN, fields Hộ tịch and Chứng thực. */
export const nationalItems = (count: number, agency = 'UBND xã Thử Nghiệm'): NationalItem[] =>
  Array.from({ length: count }, (_, i) => ({
    ID: 5000 + i,
    PROCEDURE_CODE: `1.${String(100000 + i).padStart(6, '0')}`,
    PROCEDURE_NAME: `Thủ tục thử số ${i + 1} đăng ký hộ tịch`,
    FIELD_NAME: i % 2 ? 'Chứng thực' : 'Hộ tịch',
    IMPLEMENTATION_AGENCY: agency,
    PUBLISHED_AGENCY: 'UBND tỉnh Thử Nghiệm',
    QDCBID: 77,
    AMOUNT: 0,
  }));

const json = (value: unknown): GatewayAnswer => ({ contentType: 'application/json', body: JSON.stringify(value) });

async function paramsOf(request: IncomingMessage): Promise<GatewayParams> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return JSON.parse(new URLSearchParams(body).get('params') ?? '{}') as GatewayParams;
}

/** The normal answer to `params` for the procedures `items`. */
function answer(items: readonly NationalItem[], params: GatewayParams): GatewayAnswer {
  if (params.service === 'procedure_advanced_search_service_v2') {
    const size = Number(params.recordPerPage);
    const from = (Number(params.pageIndex) - 1) * size;
    const page = items.slice(from, from + size);
    return json(page.map((item, i) => ({ ...item, ROW_STT: from + i + 1, TOTAL: items.length })));
  }
  if (params.service === 'procedure_get_impl_orders_by_proc_id_service_v2') {
    return json([
      { CONTENT: `<p>Bước 1: Nộp hồ sơ thủ tục ${String(params.id)}</p>`, ORDER: 1 },
      { CONTENT: 'Bước 2: Nhận kết quả', ORDER: 2 },
    ]);
  }
  if (params.service === 'procedure_get_requires_by_procedure_id_service_v2') {
    return json([{ REQUIRE_NAME: 'Tờ khai theo mẫu', FILE_ID: 1 }]);
  }
  return { status: 500, contentType: 'text/html', body: '<html><body>Unknown service</body></html>' };
}

/** Starts the stand-in on a free port with the procedures `items`. */
export async function startNationalGateway(items: readonly NationalItem[]): Promise<NationalGatewayStub> {
  const stub: NationalGatewayStub = { url: '', requests: [], close: async () => {} };
  const server = createServer((request, response) => {
    void paramsOf(request).then((params) => {
      const index = stub.requests.push(params) - 1;
      const valid = request.method === 'POST' && request.url === '/jsp/rest.jsp';
      const reply = valid
        ? (stub.misbehave?.(params, index) ?? answer(items, params))
        : { status: 404, contentType: 'text/html', body: '<html>Not found</html>' };
      response.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' });
      response.end(reply.body);
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () => new Promise((closed) => server.close(() => closed()));
  return stub;
}

/** The national Excel list export's eight columns. */
export const EXCEL_HEADER = [
  'Mã TTHC',
  'Tên TTHC',
  'Lĩnh vực',
  'Đối tượng',
  'Cơ quan công khai',
  'Cấp thực hiện',
  'Tình trạng',
  'QĐ Công bố',
] as const;

export type ExcelRow = readonly (string | number | null)[];

/** An xlsx of one sheet holding `rows`. */
export function workbook(rows: readonly ExcelRow[]): Promise<Buffer> {
  const cell = (value: string | number | null) => (value === null ? null : { value });
  return writeXlsxFile(rows.map((row) => row.map(cell))).toBuffer();
}

/** An xlsx as the national database exports it: a title row, a blank row, STT + the eight columns, `rows`. */
export const nationalExcel = (rows: readonly ExcelRow[]): Promise<Buffer> =>
  workbook([['DANH SÁCH THỦ TỤC HÀNH CHÍNH'], [], ['STT', ...EXCEL_HEADER], ...rows.map((row, i) => [i + 1, ...row])]);

/** One export row of `item`: in force, commune level. */
export const excelRow = (item: NationalItem): ExcelRow => [
  item.PROCEDURE_CODE,
  item.PROCEDURE_NAME,
  item.FIELD_NAME,
  'Công dân Việt Nam',
  item.IMPLEMENTATION_AGENCY ?? null,
  'Cấp Xã',
  'Còn hiệu lực',
  '1234/QĐ-UBND',
];
