package ng.kinta.dedicatedaccounts.trigger.runs;

import java.util.List;

/**
 * Horizontal bars drawn server-side as SVG, each with its label and count.
 *
 * @param bars the bars, in order
 * @param max the largest count, at least 1
 */
record BarChart(List<Bar> bars, long max) {

	static final int BAR_HEIGHT = 22;

	static final int LABEL_WIDTH = 320;

	static final int BAR_WIDTH = 340;

	static BarChart of(List<ConsoleQueries.Count> counts) {
		long max = Math.max(1, counts.stream().mapToLong(ConsoleQueries.Count::count).max().orElse(1));
		List<Bar> bars = new java.util.ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			ConsoleQueries.Count count = counts.get(i);
			bars.add(new Bar(count.label(), count.count(), i * BAR_HEIGHT,
					Math.max(1.0, count.count() * (double) BAR_WIDTH / max)));
		}
		return new BarChart(List.copyOf(bars), max);
	}

	/** The SVG height. */
	public int height() {
		return Math.max(1, this.bars.size()) * BAR_HEIGHT;
	}

	/** The SVG width. */
	public int width() {
		return LABEL_WIDTH + BAR_WIDTH + 60;
	}

	/** X where the bars start. */
	public int barX() {
		return LABEL_WIDTH;
	}

	/**
	 * One bar.
	 *
	 * @param label what is counted (shortened on the chart, whole in its title)
	 * @param count how many
	 * @param y its top
	 * @param length its length
	 */
	record Bar(String label, long count, int y, double length) {

		/** The label, at most 48 characters. */
		public String shortLabel() {
			return (this.label.length() <= 48) ? this.label : this.label.substring(0, 47) + "…";
		}

	}

}
