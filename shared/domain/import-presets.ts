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
 * The layouts below and their sources are listed in tests/fixtures/import/brokers/README.md.
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
      externalId: exportHeader('externalId'),
      currency: exportHeader('currency'),
      multiplier: exportHeader('multiplier'),
      instrumentCurrency: exportHeader('instrumentCurrency'),
      accountTimezone: exportHeader('accountTimezone'),
      startingBalance: exportHeader('startingBalance'),
      fills: exportHeader('fills'),
    },
    feeColumns: [exportHeader('fees')],
    ownExport: true,
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
  'tradezero-executions': {
    name: 'TradeZero executions',
    kind: 'fills',
    // Trade date and execution time sit in two columns; fees are split by regulator and venue.
    columns: { account: 'Account', executedAt: 'T/D', executedTime: 'Exec Time', side: 'Side', symbol: 'Symbol', qty: 'Qty', price: 'Price' },
    feeColumns: ['Comm', 'SEC', 'TAF', 'NSCC', 'Nasdaq', 'ECN Remove', 'ECN Add'],
    feeSign: 'positive',
    dateOrder: 'MDY',
  },
  'thinkorswim-account-statement': {
    name: 'thinkorswim Account Statement (Account Trade History)',
    kind: 'fills',
    // Signed quantities ("+100", "-100") carry the side as well.
    columns: { executedAt: 'Exec Time', side: 'Side', qty: 'Qty', symbol: 'Symbol', price: 'Price' },
    feeColumns: [],
    dateOrder: 'MDY',
    section: { name: 'Account Trade History', style: 'title' },
  },
  'ibkr-activity-trades': {
    name: 'Interactive Brokers Activity Statement (Trades)',
    kind: 'fills',
    columns: { assetClass: 'Asset Category', symbol: 'Symbol', executedAt: 'Date/Time', qty: 'Quantity', price: 'T. Price' },
    feeColumns: ['Comm/Fee'],
    feeSign: 'negative',
    dateOrder: 'YMD',
    decimal: '.',
    section: { name: 'Trades', style: 'firstCell' },
    // One execution is also written as ClosedLot rows and subtotals: only Order rows are fills.
    rowFilter: { column: 'DataDiscriminator', values: ['Order'] },
  },
  'tradovate-orders': {
    name: 'Tradovate Orders',
    kind: 'fills',
    columns: { execId: 'orderId', orderId: 'Order ID', account: 'Account', side: 'B/S', symbol: 'Contract', qty: 'filledQty', price: 'avgPrice', executedAt: 'Fill Time' },
    feeColumns: [],
    dateOrder: 'MDY',
    rowFilter: { column: 'Status', values: ['Filled'] },
  },
  'tradovate-performance': {
    name: 'Tradovate Performance',
    kind: 'trades',
    // No direction column: a trade whose sell came first is a short.
    columns: { symbol: 'symbol', qty: 'qty', buyPrice: 'buyPrice', sellPrice: 'sellPrice', boughtAt: 'boughtTimestamp', soldAt: 'soldTimestamp', grossPnl: 'pnl' },
    feeColumns: [],
    dateOrder: 'MDY',
  },
  'ninjatrader-trades': {
    name: 'NinjaTrader 8 Trade Performance (Trades)',
    kind: 'trades',
    columns: {
      symbol: 'Instrument', account: 'Account', direction: 'Market pos.', qty: 'Qty', entryPrice: 'Entry price', exitPrice: 'Exit price',
      openedAt: 'Entry time', closedAt: 'Exit time', netPnl: 'Profit', setup: 'Strategy',
    },
    feeColumns: ['Commission'],
    feeSign: 'positive',
    dateOrder: 'MDY',
  },
  'tradestation-orders': {
    name: 'TradeStation Orders (Trade Manager)',
    kind: 'fills',
    columns: { execId: 'Order #', account: 'Account', symbol: 'Symbol', side: 'Type', qty: 'Qty Filled', price: 'Fill Price', executedAt: 'Filled' },
    feeColumns: ['Commission'],
    feeSign: 'positive',
    dateOrder: 'MDY',
    rowFilter: { column: 'Status', values: ['Filled'] },
  },
  'webull-orders': {
    name: 'Webull Orders Records',
    kind: 'fills',
    // "Price" may carry an "@" limit; the average fill price is what was paid. Times end in "EST"/"EDT".
    columns: { symbol: 'Symbol', side: 'Side', qty: 'Filled', price: 'Avg Price', executedAt: 'Filled Time' },
    feeColumns: [],
    dateOrder: 'MDY',
    rowFilter: { column: 'Status', values: ['Filled'] },
  },
  'schwab-transactions': {
    name: 'Charles Schwab transactions',
    kind: 'fills',
    // Dates without times, newest first, below a title line.
    columns: { executedAt: 'Date', side: 'Action', symbol: 'Symbol', qty: 'Quantity', price: 'Price' },
    feeColumns: ['Fees & Comm'],
    feeSign: 'positive',
    dateOrder: 'MDY',
    newestFirst: true,
    rowFilter: { column: 'Action', values: ['Buy', 'Sell', 'Sell Short', 'Buy to Cover', 'Buy to Open', 'Sell to Close', 'Sell to Open', 'Buy to Close'] },
  },
};

export const BUILT_IN_PRESETS: readonly ImportPreset[] = Object.entries(BUILT_IN).map(([slug, input]) => ({
  id: `builtin:${slug}`,
  builtin: true,
  definition: ImportPresetDefinitionSchema.parse(input),
}));

export const SPARK_TRADES_PRESET_ID = 'builtin:spark-trades';
