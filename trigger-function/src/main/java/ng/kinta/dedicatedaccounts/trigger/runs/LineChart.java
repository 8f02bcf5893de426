package ng.kinta.dedicatedaccounts.trigger.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A line chart of run counts drawn server-side as SVG (no script, no CDN): one point per
 * run, oldest on the left, every series on one scale from 0 to the largest value.
 *
 * @param width drawing width, in SVG user units
 * @param height drawing height, in SVG user units
 * @param max the largest value drawn (the top of the scale), at least 1
 * @param series the lines
 * @param runIds the runs (job execution ids), oldest first
 */
record LineChart(int width, int height, long max, List<Series> series, List<Long> runIds) {

	static final int WIDTH = 720;

	static final int HEIGHT = 220;

	static final int PADDING = 36;

	/**
	 * Draws runs.
	 * @param runs the runs, oldest first
	 * @param lines what to draw
	 * @return the chart
	 */
	static LineChart of(List<RunRow> runs, List<Line> lines) {
		long max = 1;
		for (RunRow run : runs) {
			for (Line line : lines) {
				max = Math.max(max, line.value().applyAsLong(run));
			}
		}
		List<Series> series = new ArrayList<>();
		for (Line line : lines) {
			List<Dot> dots = new ArrayList<>();
			for (int i = 0; i < runs.size(); i++) {
				long value = line.value().applyAsLong(runs.get(i));
				dots.add(new Dot(x(i, runs.size()), y(value, max), runs.get(i).id(), value));
			}
			series.add(new Series(line.name(), line.color(), dots));
		}
		return new LineChart(WIDTH, HEIGHT, max, series, runs.stream().map(RunRow::id).toList());
	}

	private static double x(int index, int count) {
		if (count == 1) {
			return WIDTH / 2.0;
		}
		return PADDING + index * (WIDTH - 2.0 * PADDING) / (count - 1);
	}

	private static double y(long value, long max) {
		return HEIGHT - PADDING - value * (HEIGHT - 2.0 * PADDING) / max;
	}

	/** The SVG {@code viewBox}. */
	public String viewBox() {
		return "0 0 " + this.width + " " + this.height;
	}

	/** Y of the baseline (0). */
	public int baseline() {
		return this.height - PADDING;
	}

	/** Y of the top of the scale ({@link #max}). */
	public int top() {
		return PADDING;
	}

	/** X of the left axis. */
	public int left() {
		return PADDING;
	}

	/** X of the right end. */
	public int right() {
		return this.width - PADDING;
	}

	/**
	 * What to draw.
	 *
	 * @param name the legend
	 * @param color the stroke colour
	 * @param value the value of a run
	 */
	record Line(String name, String color, ToLongFunction<RunRow> value) {
	}

	/**
	 * One line.
	 *
	 * @param name the legend
	 * @param color the stroke colour
	 * @param dots its points, oldest run first
	 */
	record Series(String name, String color, List<Dot> dots) {

		/** The SVG {@code points} of the polyline. */
		public String points() {
			StringBuilder points = new StringBuilder();
			for (Dot dot : this.dots) {
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", dot.x(), dot.y()));
			}
			return points.toString().strip();
		}

	}

	/**
	 * One point.
	 *
	 * @param x its x
	 * @param y its y
	 * @param runId the run (job execution id)
	 * @param value the value drawn
	 */
	record Dot(double x, double y, long runId, long value) {
	}

}
