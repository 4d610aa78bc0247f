import { TRADE_EXPORT_COLUMNS } from './export-columns';
import { ImportPresetDefinitionSchema, type ImportPreset, type ImportPresetInput } from './import-preset';

type TradeExportKey = (typeof TRADE_EXPORT_COLUMNS)[number]['key'];

/** The header the Spark Journal trades export writes for a column (its catalog is the source of truth). */
function exportHeader(key: TradeExportKey): string {
  return TRADE_EXPORT_COLUMNS.find((column) => column.key === key)!.header;
}

/**
 * Built-in layouts. Header names come from each platform's documented export:
 * - Spark Journal trades export (CSV or XLSX, every column): shared/domain/export-columns.ts.
 * - Interactive Brokers Flex Query, Trades section (CSV): ClientAccountID, AssetClass, Symbol,
 *   Multiplier, DateTime ("yyyyMMdd;HHmmss" or "yyyy-MM-dd;HH:mm:ss"), Quantity (negative for
 *   sells), TradePrice, IBCommission and Taxes (negative = cost), Buy/Sell, IBExecID,
 *   IBOrderID, LevelOfDetail (EXECUTION rows are the fills; CLOSED_LOT rows repeat them).
 * - NinjaTrader 8 Control Center, Executions grid export: Instrument ("MNQ 12-25"), Action,
 *   Quantity, Price, Time (en-US "M/d/yyyy h:mm:ss tt"), ID, E/X, Position, Order ID, Name,
 *   Commission ("$1.24"), Rate, Account, Connection.
 * - Tradovate Fills report: Fill ID, Order ID, Timestamp ("MM/DD/YYYY HH:mm:ss"), Date,
 *   Account, B/S (" Buy"/" Sell"), Quantity, Price, Contract ("MNQH6"), Product,
 *   Product Description, commission (positive).
 * - MetaTrader 5 History report, Positions table (saved from the report as CSV or XLSX):
 *   Time, Position, Symbol, Type, Volume (lots), Price, S / L, T / P, Time, Price, Commission,
 *   Swap, Profit; the second Time/Price pair is the close. Sections Orders and Deals follow.
 * - MetaTrader 4 account history (detailed statement, Closed Transactions): Ticket, Open Time,
 *   Type, Size, Item, Price, S / L, T / P, Close Time, Price, Commission, Taxes, Swap, Profit.
 */
const BUILT_IN: Record<string, ImportPresetInput> = {
  'spark-trades': {
    name: 'Spark Journal trades export',
    kind: 'trades',
    columns: {
      tradeId: exportHeader('id'),
      account: exportHeader('account'),
      symbol: exportHeader('symbol'),
      assetClass: exportHeader('assetClass'),
      direction: exportHeader('direction'),
      openedAt: exportHeader('openedAt'),
      closedAt: exportHeader('closedAt'),
      qty: exportHeader('qty'),
      entryPrice: exportHeader('entryPrice'),
      exitPrice: exportHeader('exitPrice'),
      stopPrice: exportHeader('stopPrice'),
      targetPrice: exportHeader('targetPrice'),
      grossPnl: exportHeader('grossPnl'),
      netPnl: exportHeader('netPnl'),
      rMultiple: exportHeader('rMultiple'),
      setup: exportHeader('setup'),
      tags: exportHeader('tags'),
      notes: exportHeader('notes'),
    },
    feeColumns: [exportHeader('fees')],
    feeSign: 'positive',
    dateOrder: 'YMD',
    decimal: '.',
    tagSeparator: ';',
    formulaGuard: true,
  },
  'ibkr-flex-trades': {
    name: 'Interactive Brokers Flex Query (Trades)',
    kind: 'fills',
    columns: {
      execId: 'IBExecID',
      orderId: 'IBOrderID',
      account: 'ClientAccountID',
      symbol: 'Symbol',
      assetClass: 'AssetClass',
      multiplier: 'Multiplier',
      side: 'Buy/Sell',
      qty: 'Quantity',
      price: 'TradePrice',
      executedAt: 'DateTime',
    },
    feeColumns: ['IBCommission', 'Taxes'],
    feeSign: 'negative',
    dateOrder: 'YMD',
    decimal: '.',
    rowFilter: { column: 'LevelOfDetail', values: ['EXECUTION'] },
  },
  'ninjatrader-executions': {
    name: 'NinjaTrader 8 Executions',
    kind: 'fills',
    columns: {
      execId: 'ID',
      orderId: 'Order ID',
      account: 'Account',
      symbol: 'Instrument',
      side: 'Action',
      qty: 'Quantity',
      price: 'Price',
      executedAt: 'Time',
    },
    feeColumns: ['Commission'],
    feeSign: 'positive',
    dateOrder: 'MDY',
  },
  'tradovate-fills': {
    name: 'Tradovate Fills',
    kind: 'fills',
    columns: {
      execId: 'Fill ID',
      orderId: 'Order ID',
      account: 'Account',
      symbol: 'Contract',
      side: 'B/S',
      qty: 'Quantity',
      price: 'Price',
      executedAt: 'Timestamp',
    },
    feeColumns: ['commission'],
    feeSign: 'positive',
    dateOrder: 'MDY',
  },
  'mt5-positions': {
    name: 'MetaTrader 5 History (Positions)',
    kind: 'trades',
    columns: {
      tradeId: 'Position',
      symbol: 'Symbol',
      direction: 'Type',
      openedAt: 'Time',
      closedAt: 'Time (2)',
      qty: 'Volume',
      entryPrice: 'Price',
      exitPrice: 'Price (2)',
      stopPrice: 'S / L',
      targetPrice: 'T / P',
      grossPnl: 'Profit',
    },
    feeColumns: ['Commission', 'Swap'],
    feeSign: 'negative',
    dateOrder: 'YMD',
    fxLotSize: 100_000,
    defaultAssetClass: 'cfd',
    rowFilter: { column: 'Type', values: ['buy', 'sell'] },
    stopAtFirstCell: ['Orders', 'Deals', 'Open Positions', 'Working Orders', 'Results', 'Summary'],
  },
  'mt4-history': {
    name: 'MetaTrader 4 Account History',
    kind: 'trades',
    columns: {
      tradeId: 'Ticket',
      direction: 'Type',
      openedAt: 'Open Time',
      qty: 'Size',
      symbol: 'Item',
      entryPrice: 'Price',
      stopPrice: 'S / L',
      targetPrice: 'T / P',
      closedAt: 'Close Time',
      exitPrice: 'Price (2)',
      grossPnl: 'Profit',
    },
    feeColumns: ['Commission', 'Taxes', 'Swap'],
    feeSign: 'negative',
    dateOrder: 'YMD',
    fxLotSize: 100_000,
    defaultAssetClass: 'cfd',
    // Deposits, withdrawals and cancelled pending orders share the table.
    rowFilter: { column: 'Type', values: ['buy', 'sell'] },
    stopAtFirstCell: ['Open Trades', 'Working Orders', 'Summary'],
  },
};

export const BUILT_IN_PRESETS: readonly ImportPreset[] = Object.entries(BUILT_IN).map(([slug, input]) => ({
  id: `builtin:${slug}`,
  builtin: true,
  definition: ImportPresetDefinitionSchema.parse(input),
}));

export const SPARK_TRADES_PRESET_ID = 'builtin:spark-trades';
