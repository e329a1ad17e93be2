package cn.gov.qinghai.broadband.seed;

import java.util.List;

/**
 * One cell of 附件3 2017年宽带青海数字青海投入计划汇总表 ({@code seed/investment_summary.csv}).
 *
 * @param owner       row label without "(计划值)"; 全省 for the printed totals row
 * @param column      a category, {@code 宽带青海建设工程小计}, {@code 数字青海建设工程小计} or {@code 合计}
 * @param printedYi   what the document prints, empty for an empty cell
 * @param effectiveYi the value after repairs, empty when no amount belongs there
 */
public record SummaryCell(String owner, String column, String printedYi, String effectiveYi, List<String> repairs) {}
