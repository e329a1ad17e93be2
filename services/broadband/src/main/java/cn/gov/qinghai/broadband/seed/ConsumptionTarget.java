package cn.gov.qinghai.broadband.seed;

import java.math.BigDecimal;
import java.util.List;

/** A node of the 附件1 2017年青海省信息消费目标 tree ({@code seed/consumption_targets.yaml}); unit 亿元. */
public record ConsumptionTarget(
        String id, String name, String printedLabel, String unit, String target2017, List<ConsumptionTarget> children) {

    /** Sum of the children's targets; {@code null} for a leaf. */
    public BigDecimal childrenSum() {
        if (children.isEmpty()) {
            return null;
        }
        return children.stream().map(c -> new BigDecimal(c.target2017())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** True for a leaf or when the children add up to this node's target exactly. */
    public boolean addsUp() {
        BigDecimal sum = childrenSum();
        return sum == null || sum.compareTo(new BigDecimal(target2017)) == 0;
    }

    /** This node and every descendant, depth first. */
    public List<ConsumptionTarget> flatten() {
        List<ConsumptionTarget> out = new java.util.ArrayList<>();
        out.add(this);
        children.forEach(c -> out.addAll(c.flatten()));
        return out;
    }
}
