/** `/indikator indikator`: an indicator's definition, unit, kind, source, years with data and direction. */
import { clip } from '../text.js';
import { tr, type AnswerContext } from './context.js';
import { answerLabel, formatShare, formatValue, formatYears } from './format.js';
import { whereValuesAre } from './nodata.js';
import { directionLabel, kindLabel, sourceLabel } from './labels.js';
import { resolveIndicator } from './resolve.js';
import type { Answer, AnswerField } from './types.js';
import { isCategorical } from '../dataset/dataset.js';

/** Describes one indicator. */
export function indicatorAnswer(ctx: AnswerContext, input: string): Answer {
	const command = 'indikator';
	const found = resolveIndicator(ctx, command, 'indikator', input);
	if (!found.ok) return found.error;
	const indicator = found.value;
	const { dataset } = ctx;
	const years = dataset.years(indicator.id);
	const categorical = isCategorical(indicator);

	const fields: AnswerField[] = [
		{ name: 'Id', value: indicator.id, inline: true },
		{ name: tr(ctx, 'Typ', 'Kind'), value: kindLabel(ctx, indicator.kind), inline: true },
		{ name: tr(ctx, 'Enhet', 'Unit'), value: indicator.unit || '–', inline: true },
		{
			name: tr(ctx, 'Källa', 'Source'),
			// A producer of its own (Stockholms stad) is named instead of the generic register wording.
			value:
				indicator.source === 'register' && indicator.producer && !indicator.kolada
					? tr(ctx, `Register (${indicator.producer})`, `Register data (${indicator.producer})`)
					: sourceLabel(ctx, indicator.source),
			inline: true,
		},
		{
			name: tr(ctx, 'Önskad riktning', 'Desired direction'),
			value: `${directionLabel(ctx, indicator)}${indicator.directionBasis ? ` – ${indicator.directionBasis}` : ''}`,
			inline: false,
		},
	];
	if (indicator.scale) {
		fields.push({
			name: tr(ctx, 'Svarsalternativ', 'Answers'),
			value: indicator.scale.map((s) => `${s.label} = ${s.code}`).join(', '),
			inline: true,
		});
	}
	fields.push({
		name: tr(ctx, 'Uppdelat på kön', 'Split by gender'),
		value: indicator.genderSplit ? tr(ctx, 'Ja (K/M/T)', 'Yes (K/M/T)') : tr(ctx, 'Nej', 'No'),
		inline: true,
	});
	fields.push({
		name: tr(ctx, 'År med data i boten', 'Years with data'),
		value:
			years.length > 0
				? // The span alone would suggest broad coverage that one kommun can give: say how many per year.
					`${formatYears(years)}\n${whereValuesAre(ctx, indicator)}`
				: tr(ctx, 'Inga värden i datasetet ännu', 'No values in the dataset yet'),
		inline: false,
	});

	const latest = years.at(-1);
	if (latest !== undefined) {
		const riket = dataset.area('0000');
		const obs = riket
			? dataset.value(indicator.id, riket.id, latest, 'T', dataset.defaultMeasure(indicator, riket))
			: undefined;
		if (obs && obs.value !== null) {
			fields.push({
				name: tr(ctx, `Riket ${latest}`, `Sweden ${latest}`),
				value: categorical
					? tr(
							ctx,
							`${formatShare(obs.value)} av kommunerna svarade ”${answerLabel(indicator.scale, indicator.scale?.[0]?.code ?? null)}”`,
							`${formatShare(obs.value)} of kommuner answered ”${answerLabel(indicator.scale, indicator.scale?.[0]?.code ?? null)}”`,
						)
					: formatValue(indicator, obs.value),
				inline: true,
			});
		}
	}
	if (indicator.kolada) {
		const k = indicator.kolada;
		const status =
			k.status === 'active'
				? tr(ctx, 'Finns i Kolada', 'Available in Kolada')
				: tr(
						ctx,
						`Borttagen ur Kolada (senast sedd ${k.lastSeen ?? 'okänt'})`,
						`Removed from Kolada (last seen ${k.lastSeen ?? 'unknown'})`,
					);
		const todayIso = ctx.today.toISOString().slice(0, 10);
		const next =
			k.status === 'active' && k.publicationDate && k.publicationDate >= todayIso
				? tr(
						ctx,
						` · nästa publicering ${k.publicationDate}${k.publPeriod ? ` (avser ${k.publPeriod})` : ''}`,
						` · next release ${k.publicationDate}${k.publPeriod ? ` (for ${k.publPeriod})` : ''}`,
					)
				: '';
		fields.push({ name: 'Kolada', value: `${status}${next}`, inline: false });
	}
	if (indicator.discontinuedAfter !== undefined) {
		fields.push({
			name: tr(ctx, 'Serien har upphört', 'Series discontinued'),
			value: tr(ctx, `Sista år: ${indicator.discontinuedAfter}`, `Last year: ${indicator.discontinuedAfter}`),
			inline: true,
		});
	}
	const facts = dataset.factsFor(indicator.id);
	if (facts.length > 0) {
		fields.push({
			name: tr(ctx, 'Nationella fakta', 'National facts'),
			value: clip(facts.map((f) => `• ${f.year ?? ''} ${f.text}`.trim()).join('\n'), 1000),
			inline: false,
		});
	}

	const sources = new Set<string>();
	if (indicator.kolada) sources.add('Källa: Kolada');
	for (const year of years.slice(-3)) {
		const riket = dataset.area('0000');
		if (!riket) continue;
		const obs = dataset.value(indicator.id, riket.id, year, 'T', dataset.defaultMeasure(indicator, riket));
		if (obs) sources.add(obs.provenance.attribution);
	}
	const notes: string[] = [];
	if (indicator.producer)
		notes.push(tr(ctx, `Ursprunglig producent: ${indicator.producer}.`, `Original producer: ${indicator.producer}.`));
	if (categorical) {
		notes.push(
			tr(
				ctx,
				'Kommunens svar visas som Ja/Nej; för län, grupper och riket visas andelen kommuner som svarat ja – svaren medelvärdesberäknas aldrig som tal.',
				'A kommun’s answer is shown as yes/no; for län, groups and Sweden the share of kommuner answering yes is shown – answers are never averaged as numbers.',
			),
		);
	}

	return {
		ok: true,
		command,
		title: clip(indicator.title, 256),
		summary: clip(indicator.description || indicator.title, 1500),
		fields,
		notes,
		sources: [...sources],
		resolved: { indikator: indicator.id },
		data: {
			id: indicator.id,
			title: indicator.title,
			shortTitle: indicator.shortTitle,
			kind: indicator.kind,
			unit: indicator.unit,
			source: indicator.source,
			direction: indicator.direction,
			scale: indicator.scale ?? null,
			genderSplit: indicator.genderSplit,
			years,
			kolada: indicator.kolada ?? null,
		},
	};
}
