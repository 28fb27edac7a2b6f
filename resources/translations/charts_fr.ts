<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en_US">
<context>
    <name>Charts</name>
    <message>
        <location filename="../../planner/ui/charts/chart_export.py"/>
        <source>Export image (PNG)…</source>
        <translation>Exporter l’image (PNG)…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/chart_export.py"/>
        <source>Export vector image (SVG)…</source>
        <translation>Exporter l’image vectorielle (SVG)…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/chart_export.py"/>
        <source>Export data (CSV)…</source>
        <translation>Exporter les données (CSV)…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/chart_export.py"/>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/chart_export.py"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/chart_export.py"/>
        <source>SVG image (*.svg)</source>
        <translation>Image SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/export_dialog.py"/>
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/base.py"/>
        <source>Shows {series}.</source>
        <translation>Affiche {series}.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/base.py"/>
        <source>{rows} plotted values; Shift+F10 opens the export menu.</source>
        <translation>{rows} valeurs tracées; Maj+F10 ouvre le menu d’exportation.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/base.py"/>
        <source>Arrow keys read the values one at a time; Esc clears the read-out.</source>
        <translation>Les flèches lisent les valeurs une à une; Échap efface la lecture.</translation>
    </message>
</context>
<context>
    <name>CorridorMap</name>
    <message>
        <location filename="../../planner/ui/charts/corridor_readout.py"/>
        <source>Mexican region</source>
        <translation>Région du Mexique</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_readout.py"/>
        <source>Border crossing</source>
        <translation>Poste frontalier</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_readout.py"/>
        <source>Seaport</source>
        <translation>Port maritime</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_readout.py"/>
        <source>Market</source>
        <translation>Marché</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>Freight corridors: flow, utilisation and disruptions</source>
        <translation>Corridors de fret : flux, utilisation et perturbations</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>Disrupted</source>
        <translation>Perturbé</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>Corridor not built</source>
        <translation>Corridor non construit</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_readout.py"/>
        <source>{a} → {b}: utilisation {u} % (baseline {ub} %), {days} days ({db})</source>
        <translation>{a} → {b} : utilisation {u} % (référence {ub} %), {days} jours ({db})</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>flow {flow} USD bn</source>
        <translation>flux {flow} G$ US</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>% of capacity used</source>
        <translation>% de la capacité utilisée</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>US South</source>
        <translation>Sud des É.-U.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>US Midwest</source>
        <translation>Midwest américain</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>US West</source>
        <translation>Ouest des É.-U.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>US East</source>
        <translation>Est des É.-U.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/corridor_map.py"/>
        <source>Overseas markets</source>
        <translation>Marchés d'outre-mer</translation>
    </message>
</context>
<context>
    <name>RegionTiles</name>
    <message>
        <location filename="../../planner/ui/charts/region_tiles.py"/>
        <source>export change vs baseline, %</source>
        <translation>variation des exportations vs référence, %</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/region_tiles.py"/>
        <source>Mexico's regions: exports, change vs baseline</source>
        <translation>Régions du Mexique : exportations, écart vs réf.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/region_tiles.py"/>
        <source>{region}: baseline {base}, scenario {scen} USD m</source>
        <translation>{region} : référence {base}, scénario {scen} M$ US</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/region_tiles.py"/>
        <source>USD m</source>
        <comment>compact unit on a region tile</comment>
        <translation>M$ US</translation>
    </message>
</context>
<context>
    <name>SectorBars</name>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>change vs baseline, USD bn</source>
        <translation>variation vs référence, G$ US</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>change vs baseline, USD m</source>
        <translation>variation vs référence, M$ US</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>Trade by sector: change vs baseline</source>
        <translation>Commerce par secteur : variation vs référence</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>Scenario: increase</source>
        <translation>Scénario : hausse</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>Scenario: decrease</source>
        <translation>Scénario : baisse</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>{sector}: baseline {base}, scenario {scen}, change {delta} USD bn</source>
        <translation>{sector} : référence {base}, scénario {scen}, variation {delta} G$ US</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>{sector}: baseline {base}, scenario {scen}, change {delta} USD m</source>
        <translation>{sector} : référence {base}, scénario {scen}, variation {delta} M$ US</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>p10–p90 band</source>
        <translation>bande p10–p90</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>Pinned {key}</source>
        <translation>Épinglé {key}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>US imports by sector: change vs baseline, {year}</source>
        <translation>Importations des É.-U. par secteur : écart vs réf., {year}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/sector_bars.py"/>
        <source>{country}: exports to US by sector, change vs baseline, {year}</source>
        <translation>{country} : export. aux É.-U. par secteur, écart vs réf., {year}</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>USMCA review calendar and this scenario's events</source>
        <translation>Révisions de l’ACEUM et événements de ce scénario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>year</source>
        <translation>année</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>Review calendar</source>
        <translation>Calendrier de révision</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>No levers or shocks switched on.</source>
        <translation>Aucun levier ni choc activé.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>Dated milestone</source>
        <translation>Jalon daté</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>Scenario event</source>
        <translation>Événement du scénario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>{name} ends</source>
        <translation>Fin de {name}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>(unverified)</source>
        <translation>(non vérifié)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>Article claims</source>
        <translation>Selon l'article</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>unverified: only the seed article says so</source>
        <translation>non vérifié : seul l'article d'origine l'affirme</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>Seed article claim (unverified)</source>
        <translation>Affirmation de l'article (non vérifiée)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline_lanes.py"/>
        <source>First USMCA joint review</source>
        <translation>1re révision conjointe</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline_lanes.py"/>
        <source>Next joint review</source>
        <translation>Révision suivante</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline_lanes.py"/>
        <source>Expiry of initial 16-year term</source>
        <translation>Fin du terme initial</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/timeline.py"/>
        <source>End of new 16-year term</source>
        <translation>Fin du nouveau terme</translation>
    </message>
</context>
<context>
    <name>TradeOverTime</name>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>USD bn</source>
        <translation>G$ US</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>year</source>
        <translation>année</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>Baseline</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>Total goods trade (exports + imports): {country}</source>
        <translation>Commerce total de biens (export. + import.) : {country}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>p10–p90 band</source>
        <translation>bande p10–p90</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/trade_over_time.py"/>
        <source>Pinned {key}</source>
        <translation>Épinglé {key}</translation>
    </message>
</context>
<context>
    <name>Welfare</name>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>Consumer surplus</source>
        <translation>Surplus du consommateur</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>Producer surplus</source>
        <translation>Surplus du producteur</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>Tariff revenue</source>
        <translation>Recettes tarifaires</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>USD bn</source>
        <translation>G$ US</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>USD m</source>
        <translation>M$ US</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>region</source>
        <translation>région</translation>
    </message>
    <message>
        <location filename="../../planner/ui/charts/welfare.py"/>
        <source>Welfare change vs baseline by country</source>
        <translation>Variation du bien-être vs référence par pays</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../planner/ui/dashboard.py"/>
        <source>Year shown in the one-year charts:</source>
        <translation>Année affichée dans les graphiques annuels :</translation>
    </message>
    <message>
        <location filename="../../planner/ui/dashboard.py"/>
        <source>Year shown in the one-year charts</source>
        <translation>Année affichée dans les graphiques annuels</translation>
    </message>
    <message>
        <location filename="../../planner/ui/dashboard.py"/>
        <source>Sector bars, welfare, Mexico's regions and the corridors show this year</source>
        <translation>Les barres par secteur, le bien-être, les régions du Mexique et les corridors montrent cette année</translation>
    </message>
</context>
<context>
    <name>KpiCards</name>
    <message>
        <source>Withdrawing USMCA preferences in {year} would change welfare by {us} for the US and {mx} for Mexico ({unit}).</source>
        <translation>Retirer les préférences de l’ACEUM en {year} changerait le bien-être de {us} pour les États-Unis et de {mx} pour le Mexique ({unit}).</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_card.py"/>
        <source>{delta} vs baseline ({base})</source>
        <translation>{delta} vs référence ({base})</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_area.py"/>
        <source>Key numbers for the {lens} lens in {year}</source>
        <translation>Chiffres clés pour la perspective {lens} en {year}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_card.py"/>
        <source>p10–p90: {low} to {high}</source>
        <translation>p10–p90 : {low} à {high}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>US manufacturers</source>
        <translation>les fabricants américains</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>Mexican SMEs</source>
        <translation>les PME mexicaines</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>Canadian exporters</source>
        <translation>les exportateurs canadiens</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>the country concerned</source>
        <translation>le pays concerné</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>index (baseline = 100)</source>
        <translation>indice (référence = 100)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>index (0–{top})</source>
        <translation>indice (0–{top})</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>days a year</source>
        <translation>jours par an</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>percentage points</source>
        <translation>points de pourcentage</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>USD m</source>
        <translation>M$ US</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>jobs</source>
        <translation>emplois</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>ratio</source>
        <translation>ratio</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_card.py"/>
        <source>not defined in this scenario (baseline {base})</source>
        <translation>non défini dans ce scénario (référence {base})</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>In {year} this indicator is not defined in this scenario.</source>
        <translation>En {year}, cet indicateur n’est pas défini dans ce scénario.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>In {year} this indicator is not defined in the baseline, so there is no change to compare.</source>
        <translation>En {year}, cet indicateur n’est pas défini dans la référence : il n’y a donc pas d’écart à comparer.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>In {year} the scenario does not move this indicator away from the baseline.</source>
        <translation>En {year}, le scénario n'éloigne pas cet indicateur de la référence.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>this stakeholder</source>
        <translation>cet acteur</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>Good news for {who}.</source>
        <translation>Bonne nouvelle pour {who}.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>Bad news for {who}.</source>
        <translation>Mauvaise nouvelle pour {who}.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>In {year} this indicator is {amount} higher than in the baseline.</source>
        <translation>En {year}, cet indicateur est supérieur de {amount} à la référence.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>In {year} this indicator is {amount} lower than in the baseline.</source>
        <translation>En {year}, cet indicateur est inférieur de {amount} à la référence.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>That is neither good nor bad in itself.</source>
        <translation>Ce n'est ni bon ni mauvais en soi.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_card.py"/>
        <source>Below 0: the US would gain from the withdrawal, so the threat costs it nothing and Mexico has no leverage.</source>
        <translation>En dessous de 0 : les États-Unis gagneraient au retrait, la menace ne leur coûte donc rien et le Mexique n&apos;a aucun pouvoir de négociation.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/kpi_wording.py"/>
        <source>The central estimate lies outside the p10–p90 range of the draws: the uncertain parameters&apos; ranges are lopsided.</source>
        <translation>L&apos;estimation centrale se situe hors de la plage p10–p90 des tirages : les plages des paramètres incertains sont asymétriques.</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Compare pinned scenarios</source>
        <translation>Comparer les scénarios épinglés</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>&amp;All lenses</source>
        <translation>&amp;Toutes les perspectives</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Baseline</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Export comparison</source>
        <translation>Exporter la comparaison</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Current</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>&amp;Year:</source>
        <translation>&amp;Année :</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Pin a scenario as A, B or C to compare it here.</source>
        <translation>Épinglez un scénario comme A, B ou C pour le comparer ici.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Changes are against the baseline (current policy) in {year}.</source>
        <translation>Les variations sont mesurées par rapport à la référence (politique actuelle) en {year}.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>{name}: change</source>
        <translation>{name} : variation</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>Key numbers of the compared scenarios</source>
        <translation>Chiffres clés des scénarios comparés</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>{key}: {name}</source>
        <translation>{key} : {name}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>{change} better</source>
        <translation>{change} favorable</translation>
    </message>
    <message>
        <location filename="../../planner/ui/compare.py"/>
        <source>{change} worse</source>
        <translation>{change} défavorable</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>USMCA Scenario Planner — scenario brief</source>
        <translation>Planificateur de scénarios ACEUM — note de scénario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>What this scenario switches on</source>
        <translation>Ce que ce scénario active</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Key numbers against the baseline</source>
        <translation>Chiffres clés par rapport à la référence</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Nothing: this is the baseline.</source>
        <translation>Rien : c’est le scénario de référence.</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Baseline</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Pinned scenarios</source>
        <translation>Scénarios épinglés</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Behind this scenario's levers and shocks</source>
        <translation>Derrière les leviers et chocs de ce scénario</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Every source of the model database</source>
        <translation>Toutes les sources de la base de données du modèle</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>Lens: {lens} · year shown: {year} · model {version} ({fingerprint}) · {date}</source>
        <translation>Perspective : {lens} · année affichée : {year} · modèle {version} ({fingerprint}) · {date}</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <location filename="../../planner/ui/report.py"/>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../planner/ui/export_dialog.py"/>
        <source>Export results</source>
        <translation>Exporter les résultats</translation>
    </message>
    <message>
        <location filename="../../planner/ui/export_dialog.py"/>
        <source>PDF brief (*.pdf)</source>
        <translation>Note PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/export_dialog.py"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/export_dialog.py"/>
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../planner/ui/export_dialog.py"/>
        <source>JSON file (*.json)</source>
        <translation>Fichier JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>Typography</name>
    <message>
        <location filename="../../planner/ui/labels.py"/>
        <source>{label}: {value}</source>
        <translation>{label} : {value}</translation>
    </message>
</context>
</TS>
