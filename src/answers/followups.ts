/**
 * Follow-ups: the next questions an answer leads on to, chosen per command. Each is a command with
 * the ids the answer resolved (never the user's raw text), so it answers exactly the same whoever
 * asks it and whenever. Discord shows them as buttons, the shell as numbered lines.
 *
 * A rule per command says which follow-ups are offered and why; a command without a rule offers
 * none. A map ("Karta") is offered only where `/karta` would draw one (enough kommuner with values).
 */
import { isCategorical } from '../dataset/dataset.js';
import type { Gender, Indicator } from '../dataset/schema.js';
import { mapAvailable } from './karta.js';
import { tr, type AnswerContext } from './context.js';
import type { Answer, FollowUp, OkAnswer } from './types.js';

/** At most this many follow-ups per answer (one row of Discord buttons). */
export const MAX_FOLLOW_UPS = 5;

/** Option values of a follow-up. */
type Values = Readonly<Record<string, string | number | boolean>>;

/** What a rule reads from an answer: its resolved ids, with typed accessors. */
interface Resolved {
	readonly answer: OkAnswer;
	str(key: string): string | undefined;
	num(key: string): number | undefined;
	list(key: string): readonly string[];
}

function readResolved(answer: OkAnswer): Resolved {
	const r = answer.resolved;
	return {
		answer,
		str: (key) => (typeof r[key] === 'string' && r[key] !== '' ? r[key] : undefined),
		num: (key) => (typeof r[key] === 'number' ? r[key] : undefined),
		list: (key) => {
			const v = r[key];
			return Array.isArray(v) ? (v as readonly string[]) : [];
		},
	};
}

/** The kön an answer was given for (totalt unless K or M). */
function genderOf(gender: string | undefined): Gender {
	return gender === 'K' || gender === 'M' ? gender : 'T';
}

/** `kön` only when it is not the default (totalt), so lines stay short. */
function genderValue(gender: string | undefined): Values {
	return gender === 'K' || gender === 'M' ? { kön: gender } : {};
}

/** The typed line of a follow-up: names for areas (an exact name always resolves), ids for the rest. */
function lineOf(ctx: AnswerContext, command: string, values: Values): string {
	const name = (id: string): string => ctx.dataset.area(id)?.name ?? id;
	const shown = (key: string, value: string | number | boolean): string => {
		if (typeof value !== 'string') return String(value);
		if (key === 'kommun' || key === 'län' || key === 'markera') return name(value);
		if (key === 'kommuner' || key === 'jämför_med') {
			return value
				.split(',')
				.map((part) => {
					const colon = part.indexOf(':');
					return colon < 0 ? name(part) : `${part.slice(0, colon)}:${name(part.slice(colon + 1))}`;
				})
				.join(', ');
		}
		return value;
	};
	return [`/${command}`, ...Object.entries(values).map(([k, v]) => `${k}:${shown(k, v)}`)].join(' ');
}

function capitalize(text: string): string {
	return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
}

function followUp(ctx: AnswerContext, label: string, command: string, values: Values): FollowUp {
	return { label, command, values, line: lineOf(ctx, command, values) };
}

type Rule = (ctx: AnswerContext, r: Resolved, indicator: Indicator) => readonly (FollowUp | undefined)[];

/** The opposite sort order of a top list. */
const REVERSED: Readonly<Record<string, string>> = { bäst: 'sämst', sämst: 'bäst', högst: 'lägst', lägst: 'högst' };

const RULES: ReadonlyMap<string, Rule> = new Map(
	Object.entries({
		värde: (ctx, r, indicator) => {
			const kommun = r.str('kommun') ?? '';
			const area = ctx.dataset.area(kommun);
			const year = r.num('år');
			const peers = area?.type === 'kommun' ? ctx.dataset.peersOf(kommun) : undefined;
			const years: Values = year === undefined ? {} : { år: year };
			const gender = genderValue(r.str('kön'));
			return [
				// One year's figure raises "is that new?": the same figure over every year.
				followUp(ctx, tr(ctx, 'Trend', 'Trend'), 'trend', { kommun, indikator: indicator.id, ...gender }),
				// "Compared with whom?": Kolada's peer kommuner are the fairest comparison.
				peers && peers.members.length > 0
					? followUp(ctx, tr(ctx, 'Liknande kommuner', 'Similar kommuner'), 'jämför', {
							indikator: indicator.id,
							kommuner: `liknande:${kommun}`,
							...years,
						})
					: undefined,
				// "And in our län?": every kommun of the län ranked (a survey question cannot be ranked, so
				// then the län's own share of kommuner answering).
				area?.type === 'kommun' && area.lanId !== undefined
					? isCategorical(indicator)
						? followUp(ctx, tr(ctx, 'Länet', 'County'), 'värde', {
								kommun: area.lanId,
								indikator: indicator.id,
								...years,
							})
						: followUp(ctx, tr(ctx, 'Länet', 'County'), 'topplista', {
								indikator: indicator.id,
								län: area.lanId,
								antal: 30,
								...years,
								...gender,
							})
					: undefined,
				// "Where does it stand in the country?": the whole map with this kommun outlined.
				area?.type === 'kommun' &&
				year !== undefined &&
				mapAvailable(ctx.dataset, indicator, year, genderOf(r.str('kön')))
					? followUp(ctx, tr(ctx, 'Karta', 'Map'), 'karta', {
							indikator: indicator.id,
							år: year,
							markera: kommun,
							...gender,
						})
					: undefined,
				// The numbers behind the peer comparison as a file, for a spreadsheet or a report.
				peers && peers.members.length > 0
					? followUp(ctx, 'CSV', 'jämför', {
							indikator: indicator.id,
							kommuner: `liknande:${kommun}`,
							...years,
							csv: true,
						})
					: undefined,
			];
		},
		jämför: (ctx, r, indicator) => {
			const areas = r.list('kommuner');
			const year = r.num('år');
			const [first, ...rest] = areas;
			// /trend draws one area and up to five others.
			const others = rest.slice(0, 5);
			return [
				// A comparison of one year raises "has it always been so?": every area over time.
				first === undefined
					? undefined
					: followUp(
							ctx,
							rest.length <= 5
								? tr(ctx, 'Trend för alla', 'Trend for all')
								: tr(
										ctx,
										`Trend, ${String(others.length + 1)} av ${String(areas.length)}`,
										`Trend, ${String(others.length + 1)} of ${String(areas.length)}`,
									),
							'trend',
							{
								kommun: first,
								indikator: indicator.id,
								...(others.length > 0 ? { jämför_med: others.join(',') } : {}),
							},
						),
				// "Who does best?": the whole country's list puts the compared kommuner in context.
				isCategorical(indicator)
					? undefined
					: followUp(ctx, tr(ctx, 'Topplista', 'Top list'), 'topplista', {
							indikator: indicator.id,
							...(year === undefined ? {} : { år: year }),
						}),
				// The compared figures as a file, unless this answer already carries one.
				r.answer.csv || areas.length === 0
					? undefined
					: followUp(ctx, 'CSV', 'jämför', {
							indikator: indicator.id,
							kommuner: areas.join(','),
							...(year === undefined ? {} : { år: year }),
							csv: true,
						}),
			];
		},
		trend: (ctx, r, indicator) => {
			const kommun = r.str('kommun') ?? '';
			const area = ctx.dataset.area(kommun);
			const peers = area?.type === 'kommun' ? ctx.dataset.peersOf(kommun) : undefined;
			const gender = genderValue(r.str('kön'));
			return [
				// A line alone says little about level: the peers in the latest year.
				peers && peers.members.length > 0
					? followUp(ctx, tr(ctx, 'Jämför med liknande', 'Compare with similar'), 'jämför', {
							indikator: indicator.id,
							kommuner: `liknande:${kommun}`,
						})
					: undefined,
				// The latest figure with rank, colour and comparisons.
				followUp(ctx, tr(ctx, 'Senaste värdet', 'Latest value'), 'värde', {
					kommun,
					indikator: indicator.id,
					...gender,
				}),
			];
		},
		topplista: (ctx, r, indicator) => {
			const data = r.answer.data as { readonly nextPlace?: number | null; readonly rows?: readonly { id: string }[] };
			const count = r.num('antal') ?? 10;
			const lan = r.str('län');
			const year = r.num('år');
			const order = r.str('ordning');
			const base: Values = {
				indikator: indicator.id,
				...(year === undefined ? {} : { år: year }),
				...(lan === undefined ? {} : { län: lan }),
				...genderValue(r.str('kön')),
			};
			const top = data.rows?.[0]?.id;
			return [
				// A list cut at ten leaves "who comes next?".
				typeof data.nextPlace === 'number'
					? followUp(ctx, tr(ctx, `Nästa ${count}`, `Next ${count}`), 'topplista', {
							...base,
							...(order === undefined ? {} : { ordning: order }),
							antal: count,
							från_plats: data.nextPlace,
						})
					: undefined,
				// The other end of the list.
				order !== undefined && REVERSED[order] !== undefined
					? followUp(ctx, tr(ctx, `${capitalize(REVERSED[order])} först`, 'Reverse order'), 'topplista', {
							...base,
							ordning: REVERSED[order],
							antal: count,
						})
					: undefined,
				// A ranking read as a list hides geography: the same figures on a map.
				year !== undefined && mapAvailable(ctx.dataset, indicator, year, genderOf(r.str('kön')), lan)
					? followUp(ctx, tr(ctx, 'Karta', 'Map'), 'karta', base)
					: undefined,
				// How the first place got there.
				top === undefined
					? undefined
					: followUp(
							ctx,
							tr(ctx, `Trend: ${ctx.dataset.area(top)?.name ?? top}`, `Trend: ${ctx.dataset.area(top)?.name ?? top}`),
							'trend',
							{ kommun: top, indikator: indicator.id, ...genderValue(r.str('kön')) },
						),
			];
		},
		karta: (ctx, r, indicator) => {
			const year = r.num('år');
			const lan = r.str('län');
			const values: Values = {
				indikator: indicator.id,
				...(year === undefined ? {} : { år: year }),
				...(lan === undefined ? {} : { län: lan }),
				...genderValue(r.str('kön')),
			};
			const marked = r.str('markera');
			return [
				// A map shows where, not who exactly: the same figures ranked (survey answers cannot be).
				isCategorical(indicator) ? undefined : followUp(ctx, tr(ctx, 'Topplista', 'Top list'), 'topplista', values),
				// An outlined kommun invites "and over time?".
				marked === undefined
					? undefined
					: followUp(ctx, tr(ctx, 'Trend', 'Trend'), 'trend', {
							kommun: marked,
							indikator: indicator.id,
							...genderValue(r.str('kön')),
						}),
				// The mapped values as a file, unless this answer already carries one.
				r.answer.csv ? undefined : followUp(ctx, 'CSV', 'karta', { ...values, csv: true }),
			];
		},
	} satisfies Record<string, Rule>),
);

/** The follow-ups of an answer (empty for commands without a rule), at most {@link MAX_FOLLOW_UPS}. */
export function followUpsFor(ctx: AnswerContext, answer: OkAnswer): FollowUp[] {
	const rule = RULES.get(answer.command);
	const r = readResolved(answer);
	const indicator = ctx.dataset.indicator(r.str('indikator') ?? '');
	if (!rule || !indicator) return [];
	return rule(ctx, r, indicator)
		.filter((f): f is FollowUp => f !== undefined)
		.slice(0, MAX_FOLLOW_UPS);
}

/**
 * The answer with its follow-ups attached. Errors, and answers that already carry theirs (`/fråga`
 * passes on the answer of the command it ran), are returned as they are.
 */
export function withFollowUps(ctx: AnswerContext, answer: Answer): Answer {
	if (!answer.ok || answer.followUps !== undefined) return answer;
	const followUps = followUpsFor(ctx, answer);
	return followUps.length === 0 ? answer : { ...answer, followUps };
}
