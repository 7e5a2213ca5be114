package org.malau.knime.common;

import org.malau.train.Strategy;

/**
 * The training strategies as dialogs and views show them: a readable name and a tool tip, while settings and model
 * files keep the engine's id ({@code au-only}, {@code mtl}, {@code uncertainty}, {@code l2rw}, {@code mal}).
 */
public enum StrategyChoice implements Choice {
    /** AU detection alone, the baseline without an auxiliary task. */
    AU_ONLY(Strategy.AU_ONLY, "AU only", "Trains AU detection alone; the expression table is not used"),
    /** Multi-task learning with fixed task weights. */
    MTL(Strategy.MTL, "Multi-task, fixed weights",
        "AU detection and expression recognition together, every expression sample with the same fixed weight"),
    /** Kendall et al.'s uncertainty weighting of the two tasks. */
    UNCERTAINTY(Strategy.UNCERTAINTY, "Uncertainty weighting",
        "Multi-task learning with one learned weight per task (Kendall et al. 2018)"),
    /** Ren et al.'s learning to reweight. */
    L2RW(Strategy.L2RW, "Learning to reweight",
        "A weight per expression sample from its gradient's agreement with the meta split (Ren et al. 2018)"),
    /** Meta Auxiliary Learning, the method of arXiv 2105.06620. */
    MAL(Strategy.MAL, "Meta Auxiliary Learning (MAL)",
        "A meta network learns a weight for every expression sample so that noisy ones stop hurting AU detection "
            + "(arXiv 2105.06620)");

    private final Strategy m_strategy;

    private final Label m_label;

    StrategyChoice(final Strategy strategy, final String text, final String toolTip) {
        m_strategy = strategy;
        m_label = new Label(text, toolTip);
    }

    /** @return the engine's id, stored in settings and model files */
    @Override
    public String id() {
        return m_strategy.id();
    }

    /** @return the engine's strategy, which says what it needs */
    public Strategy strategy() {
        return m_strategy;
    }

    @Override
    public Label label() {
        return m_label;
    }

    /**
     * @param id an engine strategy id
     * @return its readable name, or the id itself for a strategy this version does not know
     */
    public static String label(final String id) {
        final StrategyChoice c = Choice.byId(values(), id);
        return c == null ? id : c.text();
    }

    @Override
    public boolean isDefault() {
        return this == MAL;
    }
}
