package io.fedlab.inspector;

import java.util.ArrayList;
import java.util.List;

/**
 * The sequence diagram of a flow as coordinates for a server-rendered SVG: one lane per
 * party, one arrow per hop (no script, no inline style: the CSS classes say front
 * channel, back channel, failed or unseen).
 *
 * @param width the view box width
 * @param height the view box height
 * @param lanes the lanes
 * @param arrows the arrows, in hop order
 */
record Diagram(int width, int height, List<Lane> lanes, List<Arrow> arrows) {

	static final int LANE_GAP = 180;

	static final int LEFT = 70;

	static final int TOP = 40;

	static final int ROW = 30;

	static Diagram of(List<FlowView.HopView> hops) {
		List<Lane> lanes = new ArrayList<>();
		for (Step.Party party : Step.Party.values()) {
			lanes.add(new Lane(party.name().toLowerCase(java.util.Locale.ROOT), x(party)));
		}
		int height = TOP + ROW * (hops.size() + 1);
		List<Arrow> arrows = new ArrayList<>();
		int row = 1;
		for (FlowView.HopView hop : hops) {
			int y = TOP + ROW * row++;
			int x1 = x(Step.Party.valueOf(hop.from().toUpperCase(java.util.Locale.ROOT)));
			int x2 = x(Step.Party.valueOf(hop.to().toUpperCase(java.util.Locale.ROOT)));
			boolean self = x1 == x2;
			String path = self ? "M" + x1 + " " + (y - 8) + " h30 v14 h-26"
					: "M" + x1 + " " + y + " H" + (x2 + ((x2 > x1) ? -4 : 4));
			int labelX = self ? x1 + 36 : Math.min(x1, x2) + 6;
			arrows.add(new Arrow(hop.number(), path, labelX, y - 5,
					hop.channel() + " " + hop.status() + (self ? " self" : ""), hop.number() + ". " + hop.title()));
		}
		return new Diagram(LEFT * 2 + LANE_GAP * (Step.Party.values().length - 1), height + 10, lanes, arrows);
	}

	private static int x(Step.Party party) {
		return LEFT + LANE_GAP * party.ordinal();
	}

	/**
	 * A lane.
	 *
	 * @param party the party's key (message {@code flow.party.<key>})
	 * @param x its position
	 */
	record Lane(String party, int x) {

	}

	/**
	 * An arrow.
	 *
	 * @param number the hop number
	 * @param path the SVG path
	 * @param labelX where its label starts
	 * @param labelY the label's baseline
	 * @param classes CSS classes
	 * @param label the label
	 */
	record Arrow(int number, String path, int labelX, int labelY, String classes, String label) {

	}

}
