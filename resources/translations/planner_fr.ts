<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en_US">
    <context>
        <name>App</name>
        <message>
            <source>The planner could not start</source>
            <translation>Le planificateur n’a pas pu démarrer</translation>
        </message>
        <message>
            <source>The model database could not be loaded</source>
            <translation>Impossible de charger la base de données du modèle</translation>
        </message>
        <message>
            <source>a file of that name is in the way</source>
            <translation>un fichier de ce nom occupe la place</translation>
        </message>
        <message>
            <source>Cannot create the autosave folder {path} ({reason}); changes will not be autosaved.</source>
            <translation>Impossible de créer le dossier d’enregistrement automatique {path} ({reason}) ; les modifications ne seront pas enregistrées automatiquement.</translation>
        </message>
        <message>
            <source>Autosave is off</source>
            <translation>L’enregistrement automatique est désactivé</translation>
        </message>
        <message>
            <source>The autosaved copy of {file} from {when} cannot be read.</source>
            <translation>La copie enregistrée automatiquement de {file} du {when} est illisible.</translation>
        </message>
        <message>
            <source>The autosaved copy of an unsaved scenario from {when} cannot be read.</source>
            <translation>La copie enregistrée automatiquement d’un scénario non enregistré du {when} est illisible.</translation>
        </message>
        <message>
            <source>It was moved to {path}.</source>
            <translation>Elle a été déplacée vers {path}.</translation>
        </message>
        <message>
            <source>It was kept in {path}.</source>
            <translation>Elle a été conservée dans {path}.</translation>
        </message>
        <message>
            <source>Autosaved copy damaged</source>
            <translation>Copie enregistrée automatiquement endommagée</translation>
        </message>
    </context>
    <context>
        <name>Choice</name>
        <message>
            <source>No change</source>
            <translation>Aucun changement</translation>
        </message>
        <message>
            <source>Deepen ties</source>
            <translation>Approfondir les liens</translation>
        </message>
        <message>
            <source>Free-trade agreement</source>
            <translation>Accord de libre-échange</translation>
        </message>
        <message>
            <source>Extend to 2042</source>
            <translation>Prolonger jusqu'en 2042</translation>
        </message>
        <message>
            <source>Annual reviews</source>
            <translation>Examens annuels</translation>
        </message>
        <message>
            <source>Withdrawal</source>
            <translation>Retrait</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>Opened with warnings</source>
            <translation>Ouvert avec des avertissements</translation>
        </message>
        <message>
            <source>{file} was opened, but note:</source>
            <translation>{file} a été ouvert, mais notez :</translation>
        </message>
        <message>
            <source>Cannot open scenario</source>
            <translation>Impossible d'ouvrir le scénario</translation>
        </message>
        <message>
            <source>{file} was not opened; the current scenario is unchanged.</source>
            <translation>{file} n'a pas été ouvert ; le scénario actuel est inchangé.</translation>
        </message>
        <message>
            <source>… and {n} more</source>
            <translation>… et {n} de plus</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Modifications non enregistrées</translation>
        </message>
        <message>
            <source>Save the changes to “{name}”?</source>
            <translation>Enregistrer les modifications de « {name} » ?</translation>
        </message>
        <message>
            <source>The planner did not close properly last time.</source>
            <translation>Le planificateur ne s'est pas fermé correctement la dernière fois.</translation>
        </message>
        <message>
            <source>Recover the unsaved changes to {file} from {when}?</source>
            <translation>Récupérer les modifications non enregistrées de {file} du {when} ?</translation>
        </message>
        <message>
            <source>Recover the unsaved scenario from {when}?</source>
            <translation>Récupérer le scénario non enregistré du {when} ?</translation>
        </message>
        <message>
            <source>Recover unsaved work</source>
            <translation>Récupérer le travail non enregistré</translation>
        </message>
        <message>
            <source>&lt;h3&gt;USMCA Scenario Planner {app}&lt;/h3&gt;&lt;p&gt;Policy levers, partner alignments and shocks for the 2026 USMCA joint review, on a cited partial-equilibrium trade model.&lt;/p&gt;&lt;p&gt;Model version {model}. Every number traces to a source: see Help ▸ Sources.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Planificateur de scénarios ACEUM {app}&lt;/h3&gt;&lt;p&gt;Leviers politiques, alignements avec les partenaires et chocs pour l'examen conjoint de l'ACEUM de 2026, sur un modèle commercial d'équilibre partiel aux sources citées.&lt;/p&gt;&lt;p&gt;Version du modèle {model}. Chaque chiffre renvoie à une source : voir Aide ▸ Sources.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About the planner</source>
            <translation>À propos du planificateur</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Fermer</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Sources</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Éditeur</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Année</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Emplacement</translation>
        </message>
    </context>
    <context>
        <name>Lens</name>
        <message>
            <source>US manufacturer</source>
            <translation>Fabricant américain</translation>
        </message>
        <message>
            <source>Mexican SME</source>
            <translation>PME mexicaine</translation>
        </message>
        <message>
            <source>Canadian exporter</source>
            <translation>Exportateur canadien</translation>
        </message>
        <message>
            <source>Policy analyst</source>
            <translation>Analyste des politiques</translation>
        </message>
    </context>
    <context>
        <name>EffectUnit</name>
        <message>
            <source>% a week</source>
            <translation>% par semaine</translation>
        </message>
        <message>
            <source>share</source>
            <translation>part</translation>
        </message>
        <message>
            <source>days</source>
            <translation>jours</translation>
        </message>
        <message>
            <source>years</source>
            <translation>ans</translation>
        </message>
        <message>
            <source>USD bn</source>
            <translation>milliards de USD</translation>
        </message>
        <message>
            <source>USD bn a year</source>
            <translation>milliards de USD par an</translation>
        </message>
        <message>
            <source>USD m</source>
            <translation>millions de USD</translation>
        </message>
        <message>
            <source>USD m a year</source>
            <translation>millions de USD par an</translation>
        </message>
        <message>
            <source>elasticity</source>
            <translation>élasticité</translation>
        </message>
        <message>
            <source>USD of exports per USD of capital</source>
            <translation>USD d'exportations par USD de capital</translation>
        </message>
        <message>
            <source>USD per USD</source>
            <translation>USD par USD</translation>
        </message>
    </context>
    <context>
        <name>SourceKind</name>
        <message>
            <source>article</source>
            <translation>article</translation>
        </message>
        <message>
            <source>assumption</source>
            <translation>hypothèse</translation>
        </message>
        <message>
            <source>derived</source>
            <translation>dérivé</translation>
        </message>
        <message>
            <source>paper</source>
            <translation>étude</translation>
        </message>
        <message>
            <source>statistic</source>
            <translation>statistique</translation>
        </message>
    </context>
    <context>
        <name>LeverInfo</name>
        <message>
            <source>Capacity</source>
            <translation>Capacité</translation>
        </message>
        <message>
            <source>Border delay cut</source>
            <translation>Réduction du délai à la frontière</translation>
        </message>
        <message>
            <source>Capacity per unit of FDI</source>
            <translation>Capacité par unité d'IDE</translation>
        </message>
        <message>
            <source>Base tax rate</source>
            <translation>Taux d'imposition de base</translation>
        </message>
        <message>
            <source>Certification gap</source>
            <translation>Écart de certification</translation>
        </message>
        <message>
            <source>Productivity gain</source>
            <translation>Gain de productivité</translation>
        </message>
        <message>
            <source>Fund</source>
            <translation>Fonds</translation>
        </message>
        <message>
            <source>Exports per unit of capital</source>
            <translation>Exportations par unité de capital</translation>
        </message>
        <message>
            <source>Sanction reduction</source>
            <translation>Réduction des sanctions</translation>
        </message>
        <message>
            <source>Disruption reduction</source>
            <translation>Réduction des perturbations</translation>
        </message>
        <message>
            <source>Cost premium</source>
            <translation>Surcoût</translation>
        </message>
        <message>
            <source>Inventory carrying cost</source>
            <translation>Coût de possession des stocks</translation>
        </message>
        <message>
            <source>Gain in preference use</source>
            <translation>Hausse de l'utilisation des préférences</translation>
        </message>
        <message>
            <source>Compliance cost</source>
            <translation>Coût de conformité</translation>
        </message>
        <message>
            <source>Tariff cut</source>
            <translation>Réduction tarifaire</translation>
        </message>
        <message>
            <source>Trade-cost cut</source>
            <translation>Réduction des coûts commerciaux</translation>
        </message>
        <message>
            <source>Share of the region covered</source>
            <translation>Part de la région couverte</translation>
        </message>
        <message>
            <source>Steel and aluminium content</source>
            <translation>Teneur en acier et en aluminium</translation>
        </message>
        <message>
            <source>Dutiable part of USMCA vehicles</source>
            <translation>Part taxable des véhicules de l'ACEUM</translation>
        </message>
        <message>
            <source>Uncertainty cost</source>
            <translation>Coût de l'incertitude</translation>
        </message>
        <message>
            <source>Preference loss</source>
            <translation>Perte des préférences</translation>
        </message>
        <message>
            <source>Notice period</source>
            <translation>Délai de préavis</translation>
        </message>
        <message>
            <source>Capacity loss</source>
            <translation>Perte de capacité</translation>
        </message>
        <message>
            <source>Output loss</source>
            <translation>Perte de production</translation>
        </message>
        <message>
            <source>unverified (article)</source>
            <translation>non vérifié (article)</translation>
        </message>
        <message>
            <source>What it changes in the model</source>
            <translation>Ce que cela change dans le modèle</translation>
        </message>
        <message>
            <source>For reference (the model does not use it)</source>
            <translation>À titre de référence (le modèle ne l'utilise pas)</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Sources</translation>
        </message>
        <message>
            <source>known only from the seed article; no official or peer-reviewed source confirms it.</source>
            <translation>connu uniquement par l'article d'origine ; aucune source officielle ou évaluée par les pairs ne le confirme.</translation>
        </message>
        <message>
            <source>Cost: USD {cost} m</source>
            <translation>Coût : {cost} M$ US</translation>
        </message>
        <message>
            <source>Sources appear once the model is loaded.</source>
            <translation>Les sources s'affichent une fois le modèle chargé.</translation>
        </message>
    </context>
    <context>
        <name>LeverPanel</name>
        <message>
            <source>Policy recommendations</source>
            <translation>Recommandations politiques</translation>
        </message>
        <message>
            <source>Partner alignments</source>
            <translation>Alignements avec les partenaires</translation>
        </message>
        <message>
            <source>Shocks &amp; review outcome</source>
            <translation>Chocs et issue de l'examen</translation>
        </message>
        <message>
            <source>Switch on {lever}</source>
            <translation>Activer {lever}</translation>
        </message>
        <message>
            <source>Switch off {lever}</source>
            <translation>Désactiver {lever}</translation>
        </message>
        <message>
            <source>Set {param} of {lever}</source>
            <translation>Régler {param} de {lever}</translation>
        </message>
        <message>
            <source>Alignment with {partner}: {value}</source>
            <translation>Alignement avec {partner} : {value}</translation>
        </message>
        <message>
            <source>Known only from the seed article; not confirmed by a source</source>
            <translation>Connu uniquement par l'article d'origine ; aucune source ne le confirme</translation>
        </message>
        <message>
            <source>Description and sources</source>
            <translation>Description et sources</translation>
        </message>
        <message>
            <source>About {lever}</source>
            <translation>À propos de {lever}</translation>
        </message>
        <message>
            <source>Cost: USD {cost} m</source>
            <translation>Coût : {cost} M$ US</translation>
        </message>
        <message>
            <source>Filter levers (Ctrl+F)</source>
            <translation>Filtrer les leviers (Ctrl+F)</translation>
        </message>
        <message>
            <source>No lever matches the filter.</source>
            <translation>Aucun levier ne correspond au filtre.</translation>
        </message>
        <message>
            <source>{param} — {lever}</source>
            <translation>{param} — {lever}</translation>
        </message>
        <message>
            <source>Filter levers</source>
            <translation>Filtrer les leviers</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;New</source>
            <translation>&amp;Nouveau</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Ouvrir…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Enregistrer &amp;sous…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>E&amp;xporter…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Find lever</source>
            <translation>&amp;Chercher un levier</translation>
        </message>
        <message>
            <source>&amp;Bands</source>
            <translation>&amp;Bandes</translation>
        </message>
        <message>
            <source>Show p10–p90 uncertainty bands (Monte Carlo)</source>
            <translation>Afficher les bandes d'incertitude p10–p90 (Monte-Carlo)</translation>
        </message>
        <message>
            <source>Pin the current results as {label} (Ctrl+{n})</source>
            <translation>Épingler les résultats actuels comme {label} (Ctrl+{n})</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>À &amp;propos</translation>
        </message>
        <message>
            <source>&amp;Sources</source>
            <translation>&amp;Sources</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Ouvrir un fichier &amp;récent</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>&amp;Pin for comparison</source>
            <translation>É&amp;pingler pour comparer</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>A&amp;ide</translation>
        </message>
        <message>
            <source>Levers</source>
            <translation>Leviers</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Indicateurs</translation>
        </message>
        <message>
            <source>Le&amp;vers</source>
            <translation>Le&amp;viers</translation>
        </message>
        <message>
            <source>&amp;Indicators</source>
            <translation>&amp;Indicateurs</translation>
        </message>
        <message>
            <source>Lens:</source>
            <translation>Perspective :</translation>
        </message>
        <message>
            <source>&amp;Lens:</source>
            <translation>&amp;Perspective :</translation>
        </message>
        <message>
            <source>Export &amp;chart…</source>
            <translation>Exporter le &amp;graphique…</translation>
        </message>
        <message>
            <source>Open a scenario file</source>
            <translation>Ouvrir un fichier de scénario</translation>
        </message>
        <message>
            <source>Save the scenario</source>
            <translation>Enregistrer le scénario</translation>
        </message>
        <message>
            <source>Export the focused chart as PNG, SVG or CSV</source>
            <translation>Exporter le graphique actif en PNG, SVG ou CSV</translation>
        </message>
        <message>
            <source>Pin the current results as {label}</source>
            <translation>Épingler les résultats actuels comme {label}</translation>
        </message>
        <message>
            <source>Stakeholder lens</source>
            <translation>Perspective de l'acteur</translation>
        </message>
        <message>
            <source>Scenario name</source>
            <translation>Nom du scénario</translation>
        </message>
        <message>
            <source>Pin:</source>
            <translation>Épingler :</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Model {version}</source>
            <translation>Modèle {version}</translation>
        </message>
        <message>
            <source>No model loaded</source>
            <translation>Aucun modèle chargé</translation>
        </message>
        <message>
            <source>Uncertainty bands</source>
            <translation>Bandes d'incertitude</translation>
        </message>
        <message>
            <source>Loading the model…</source>
            <translation>Chargement du modèle…</translation>
        </message>
        <message>
            <source>Building the charts…</source>
            <translation>Construction des graphiques…</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>&amp;Undo {step}</source>
            <translation>&amp;Annuler {step}</translation>
        </message>
        <message>
            <source>&amp;Redo {step}</source>
            <translation>&amp;Rétablir {step}</translation>
        </message>
        <message>
            <source>The model database could not be loaded.</source>
            <translation>Impossible de charger la base de données du modèle.</translation>
        </message>
        <message>
            <source>The trade model is not available in this build.</source>
            <translation>Le modèle commercial n'est pas disponible dans cette version.</translation>
        </message>
        <message>
            <source>No results: the last computation failed.</source>
            <translation>Aucun résultat : le dernier calcul a échoué.</translation>
        </message>
        <message>
            <source>The charts are not available in this build.</source>
            <translation>Les graphiques ne sont pas disponibles dans cette version.</translation>
        </message>
        <message>
            <source>Computed in {ms} ms</source>
            <translation>Calculé en {ms} ms</translation>
        </message>
        <message>
            <source>Recalled (computed in {ms} ms)</source>
            <translation>Réutilisé (calculé en {ms} ms)</translation>
        </message>
        <message>
            <source>Autosave failed ({message}): save the scenario to keep your changes.</source>
            <translation>Échec de l&apos;enregistrement automatique ({message}) : enregistrez le scénario pour conserver vos modifications.</translation>
        </message>
        <message>
            <source>Computation failed: {message}</source>
            <translation>Le calcul a échoué : {message}</translation>
        </message>
        <message>
            <source>Cannot save</source>
            <translation>Impossible d'enregistrer</translation>
        </message>
        <message>
            <source>The scenario was not saved to {file}.</source>
            <translation>Le scénario n'a pas été enregistré dans {file}.</translation>
        </message>
        <message>
            <source>Lens: {lens}</source>
            <translation>Perspective : {lens}</translation>
        </message>
        <message>
            <source>Rename scenario</source>
            <translation>Renommer le scénario</translation>
        </message>
        <message>
            <source>Nothing to pin: no results yet.</source>
            <translation>Rien à épingler : pas encore de résultats.</translation>
        </message>
        <message>
            <source>Scenarios (*.usmca.json);;All files (*)</source>
            <translation>Scénarios (*.usmca.json);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Open scenario</source>
            <translation>Ouvrir un scénario</translation>
        </message>
        <message>
            <source>Save scenario as</source>
            <translation>Enregistrer le scénario sous</translation>
        </message>
        <message>
            <source>Nothing to export: no results yet.</source>
            <translation>Rien à exporter : pas encore de résultats.</translation>
        </message>
        <message>
            <source>Cannot export</source>
            <translation>Impossible d'exporter</translation>
        </message>
        <message>
            <source>Exported to {file}</source>
            <translation>Exporté vers {file}</translation>
        </message>
        <message>
            <source>Save the PDF brief</source>
            <translation>Enregistrer la note PDF</translation>
        </message>
        <message>
            <source>PDF brief (*.pdf)</source>
            <translation>Note PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Pin a scenario as A, B or C first (Ctrl+1…3).</source>
            <translation>Épinglez d'abord un scénario comme A, B ou C (Ctrl+1…3).</translation>
        </message>
        <message>
            <source>The results were not exported.</source>
            <translation>Les résultats n'ont pas été exportés.</translation>
        </message>
        <message>
            <source>PDF &amp;brief…</source>
            <translation>Note &amp;PDF…</translation>
        </message>
        <message>
            <source>&amp;Compare pinned…</source>
            <translation>&amp;Comparer les épinglés…</translation>
        </message>
        <message>
            <source>Export the results as a PDF brief, Excel, CSV or JSON</source>
            <translation>Exporter les résultats en note PDF, Excel, CSV ou JSON</translation>
        </message>
        <message>
            <source>A PDF brief: scenario, key numbers, charts and sources</source>
            <translation>Une note PDF : scénario, chiffres clés, graphiques et sources</translation>
        </message>
        <message>
            <source>Compare the pinned scenarios side by side</source>
            <translation>Comparer côte à côte les scénarios épinglés</translation>
        </message>
    </context>
    <context>
        <name>ParamControl</name>
        <message>
            <source>weeks</source>
            <translation>semaines</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucune</translation>
        </message>
    </context>
    <context>
        <name>ScenarioDocument</name>
        <message>
            <source>Baseline (current policy)</source>
            <translation>Référence (politique actuelle)</translation>
        </message>
        <message>
            <source>not saved</source>
            <translation>non enregistré</translation>
        </message>
        <message>
            <source>Recovered changes</source>
            <translation>Modifications récupérées</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Touches</translation>
        </message>
        <message>
            <source>In a chart (click it or Tab to it):</source>
            <translation>Dans un graphique (cliquez dessus ou atteignez-le avec Tab) :</translation>
        </message>
        <message>
            <source>Left, Right, Home, End</source>
            <translation>Gauche, Droite, Début, Fin</translation>
        </message>
        <message>
            <source>Read the chart's values one by one</source>
            <translation>Lire les valeurs du graphique une à une</translation>
        </message>
        <message>
            <source>Up, Down</source>
            <translation>Haut, Bas</translation>
        </message>
        <message>
            <source>Move between bars, tiles or timeline lanes</source>
            <translation>Passer d'une barre, d'une tuile ou d'une ligne du calendrier à l'autre</translation>
        </message>
        <message>
            <source>Esc</source>
            <translation>Échap</translation>
        </message>
        <message>
            <source>Clear the chart's read-out</source>
            <translation>Effacer la lecture du graphique</translation>
        </message>
        <message>
            <source>Shift+F10, Menu</source>
            <translation>Maj+F10, Menu</translation>
        </message>
        <message>
            <source>Export the chart as PNG, SVG or CSV</source>
            <translation>Exporter le graphique en PNG, SVG ou CSV</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source> (did you mean {id}?)</source>
            <translation> (vouliez-vous dire {id} ?)</translation>
        </message>
        <message>
            <source>(top level)</source>
            <translation>(niveau supérieur)</translation>
        </message>
        <message>
            <source>a control character inside a string</source>
            <translation>un caractère de contrôle dans une chaîne</translation>
        </message>
        <message>
            <source>a finite number</source>
            <translation>un nombre fini</translation>
        </message>
        <message>
            <source>a key missing or not in double quotes</source>
            <translation>une clé absente ou sans guillemets doubles</translation>
        </message>
        <message>
            <source>a list […]</source>
            <translation>une liste […]</translation>
        </message>
        <message>
            <source>a missing ','</source>
            <translation>un signe ',' manquant</translation>
        </message>
        <message>
            <source>a missing ':'</source>
            <translation>un signe ':' manquant</translation>
        </message>
        <message>
            <source>a missing or invalid value</source>
            <translation>une valeur manquante ou invalide</translation>
        </message>
        <message>
            <source>a model version such as 2024.1</source>
            <translation>une version du modèle comme 2024.1</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>un nombre</translation>
        </message>
        <message>
            <source>a number from {low} to {high}</source>
            <translation>un nombre de {low} à {high}</translation>
        </message>
        <message>
            <source>a number ≤ {high}</source>
            <translation>un nombre ≤ {high}</translation>
        </message>
        <message>
            <source>a number ≥ {low}</source>
            <translation>un nombre ≥ {low}</translation>
        </message>
        <message>
            <source>a number, true/false or text of at most 100 characters</source>
            <translation>un nombre, true/false ou un texte d'au plus 100 caractères</translation>
        </message>
        <message>
            <source>a parameter of {id} (valid: {valid})</source>
            <translation>un paramètre de {id} (valides : {valid})</translation>
        </message>
        <message>
            <source>a policy lever id (valid: {valid})</source>
            <translation>un identifiant de levier politique (valides : {valid})</translation>
        </message>
        <message>
            <source>a shock id</source>
            <translation>un identifiant de choc</translation>
        </message>
        <message>
            <source>a shock id (valid: {valid})</source>
            <translation>un identifiant de choc (valides : {valid})</translation>
        </message>
        <message>
            <source>a stakeholder lens id</source>
            <translation>un identifiant de perspective de l'acteur</translation>
        </message>
        <message>
            <source>a stakeholder lens id (valid: {valid})</source>
            <translation>un identifiant de perspective de l'acteur (valides : {valid})</translation>
        </message>
        <message>
            <source>a value ≤ {le}</source>
            <translation>une valeur ≤ {le}</translation>
        </message>
        <message>
            <source>a value ≥ {ge}</source>
            <translation>une valeur ≥ {ge}</translation>
        </message>
        <message>
            <source>a very large integer</source>
            <translation>un entier très grand</translation>
        </message>
        <message>
            <source>a year from {first} to {last}</source>
            <translation>une année de {first} à {last}</translation>
        </message>
        <message>
            <source>a year ≥ start_year ({start})</source>
            <translation>une année ≥ start_year ({start})</translation>
        </message>
        <message>
            <source>an alignment partner id (valid: {valid})</source>
            <translation>un identifiant de partenaire d'alignement (valides : {valid})</translation>
        </message>
        <message>
            <source>an integer</source>
            <translation>un entier</translation>
        </message>
        <message>
            <source>an integer from {low} to {high}</source>
            <translation>un entier de {low} à {high}</translation>
        </message>
        <message>
            <source>an integer ≤ {high}</source>
            <translation>un entier ≤ {high}</translation>
        </message>
        <message>
            <source>an integer ≥ {low}</source>
            <translation>un entier ≥ {low}</translation>
        </message>
        <message>
            <source>an object with the fields {fields}</source>
            <translation>un objet avec les champs {fields}</translation>
        </message>
        <message>
            <source>an object with the fields {fields}; {required} required</source>
            <translation>un objet avec les champs {fields} ; obligatoires : {required}</translation>
        </message>
        <message>
            <source>an object {{"enabled": true or false, "&lt;parameter&gt;": value, …}}</source>
            <translation>un objet {{"enabled": true ou false, "&lt;paramètre&gt;": valeur, …}}</translation>
        </message>
        <message>
            <source>an object {{"id": shock id, "&lt;parameter&gt;": value, …}}</source>
            <translation>un objet {{"id": identifiant de choc, "&lt;paramètre&gt;": valeur, …}}</translation>
        </message>
        <message>
            <source>an object {{…}}</source>
            <translation>un objet {{…}}</translation>
        </message>
        <message>
            <source>an unterminated string</source>
            <translation>une chaîne non terminée</translation>
        </message>
        <message>
            <source>at most {max_length} entries</source>
            <translation>au plus {max_length} entrées</translation>
        </message>
        <message>
            <source>each shock at most once</source>
            <translation>chaque choc au plus une fois</translation>
        </message>
        <message>
            <source>expected a dotted parameter path such as elasticities.autos.substitution, found {found}</source>
            <translation>attendu un chemin de paramètre à points comme elasticities.autos.substitution, trouvé {found}</translation>
        </message>
        <message>
            <source>expected a model number such as elasticities.autos.substitution, found an unknown key{hint}</source>
            <translation>attendu un nombre du modèle comme elasticities.autos.substitution, trouvé une clé inconnue{hint}</translation>
        </message>
        <message>
            <source>expected a number the engine computes with, found a reference-only parameter (kept with its source for reference; no result depends on it)</source>
            <translation>attendu un nombre avec lequel le moteur calcule, trouvé un paramètre de référence seulement (conservé avec sa source pour référence ; aucun résultat n’en dépend)</translation>
        </message>
        <message>
            <source>expected one of the fields {fields}, found unknown field {found}</source>
            <translation>attendu l'un des champs {fields}, trouvé le champ inconnu {found}</translation>
        </message>
        <message>
            <source>expected start ≤ end, found start {start} after end {end}</source>
            <translation>attendu start ≤ end, trouvé start {start} après end {end}</translation>
        </message>
        <message>
            <source>expected {expected}, found nothing</source>
            <translation>attendu {expected}, mais aucune valeur n'est donnée</translation>
        </message>
        <message>
            <source>expected {expected}, found nothing (the field is missing)</source>
            <translation>attendu {expected}, mais le champ est absent</translation>
        </message>
        <message>
            <source>expected {expected}, found {found}</source>
            <translation>attendu {expected}, trouvé {found}</translation>
        </message>
        <message>
            <source>file: expected JSON numbers of normal size, found a huge one</source>
            <translation>fichier: attendu des nombres JSON de taille normale, trouvé un nombre énorme</translation>
        </message>
        <message>
            <source>file: expected JSON of a few levels, found deep nesting</source>
            <translation>fichier: attendu du JSON de quelques niveaux, trouvé une imbrication profonde</translation>
        </message>
        <message>
            <source>file: expected JSON, found {found} at line {line}, column {column}</source>
            <translation>fichier: attendu du JSON, trouvé {found} à la ligne {line}, colonne {column}</translation>
        </message>
        <message>
            <source>file: expected UTF-8 text, found byte 0x{byte} on line {line} (re-save the file as UTF-8)</source>
            <translation>fichier: attendu du texte UTF-8, trouvé l'octet 0x{byte} à la ligne {line} (réenregistrez le fichier en UTF-8)</translation>
        </message>
        <message>
            <source>file: expected a JSON object {{…}} at the top level, found {found}</source>
            <translation>fichier: attendu un objet JSON {{…}} au niveau supérieur, trouvé {found}</translation>
        </message>
        <message>
            <source>file: expected a readable file, found {reason}</source>
            <translation>fichier: attendu un fichier lisible, erreur : {reason}</translation>
        </message>
        <message>
            <source>file: expected a regular file, found a folder or special file</source>
            <translation>fichier: attendu un fichier ordinaire, trouvé un dossier ou un fichier spécial</translation>
        </message>
        <message>
            <source>file: expected a scenario file at {path}, found nothing</source>
            <translation>fichier: attendu un fichier de scénario à {path}, mais il n'existe pas</translation>
        </message>
        <message>
            <source>file: expected at most 1 MB ({limit} bytes), found {size} bytes</source>
            <translation>fichier: attendu au plus 1 Mo ({limit} octets), trouvé {size} octets</translation>
        </message>
        <message>
            <source>file: expected text UTF-8 can encode, found an unpaired surrogate</source>
            <translation>fichier: attendu du texte encodable en UTF-8, trouvé un substitut (surrogate) non apparié</translation>
        </message>
        <message>
            <source>file: expected to save {path}, found {reason}</source>
            <translation>fichier: impossible d'enregistrer {path} : {reason}</translation>
        </message>
        <message>
            <source>file: the file is empty</source>
            <translation>fichier: le fichier est vide</translation>
        </message>
        <message>
            <source>format: expected "{format}", found nothing (is this a USMCA planner scenario file?)</source>
            <translation>format: attendu "{format}", mais il est absent (est-ce un fichier de scénario du planificateur ACEUM ?)</translation>
        </message>
        <message>
            <source>format: expected "{format}", found {found} (is this a USMCA planner scenario file?)</source>
            <translation>format: attendu "{format}", trouvé {found} (est-ce un fichier de scénario du planificateur ACEUM ?)</translation>
        </message>
        <message>
            <source>model.fingerprint: expected {expected} (the model in use), found {found}: the scenario was saved with other model data, so its results may differ from when it was saved</source>
            <translation>model.fingerprint: attendu {expected} (le modèle utilisé), trouvé {found} : le scénario a été enregistré avec d'autres données du modèle, ses résultats peuvent donc différer de ceux obtenus à l'enregistrement</translation>
        </message>
        <message>
            <source>model.version: expected {expected} (the model in use), found {found}: the scenario was made with another model version, so its results may differ from when it was saved</source>
            <translation>model.version: attendu {expected} (le modèle utilisé), trouvé {found} : le scénario a été créé avec une autre version du modèle, ses résultats peuvent donc différer de ceux obtenus à l'enregistrement</translation>
        </message>
        <message>
            <source>more after the end of the JSON</source>
            <translation>du contenu après la fin du JSON</translation>
        </message>
        <message>
            <source>one of {choices}</source>
            <translation>l'une des valeurs {choices}</translation>
        </message>
        <message>
            <source>only "enabled" ({id} is an on/off switch without parameters)</source>
            <translation>seulement "enabled" ({id} est un interrupteur sans paramètres)</translation>
        </message>
        <message>
            <source>text (a JSON string)</source>
            <translation>du texte (une chaîne JSON)</translation>
        </message>
        <message>
            <source>text matching {pattern}</source>
            <translation>un texte correspondant à {pattern}</translation>
        </message>
        <message>
            <source>text of at least {min_length} character(s)</source>
            <translation>un texte d'au moins {min_length} caractère(s)</translation>
        </message>
        <message>
            <source>text of at most {max_length} characters</source>
            <translation>un texte d'au plus {max_length} caractères</translation>
        </message>
        <message>
            <source>the model fingerprint "sha256:…" or ""</source>
            <translation>l'empreinte du modèle "sha256:…" ou ""</translation>
        </message>
        <message>
            <source>the scenario's name, text of 1 to 200 characters</source>
            <translation>le nom du scénario, un texte de 1 à 200 caractères</translation>
        </message>
        <message>
            <source>true or false</source>
            <translation>true ou false</translation>
        </message>
        <message>
            <source>unknown alignment partner {found}{hint}</source>
            <translation>un partenaire d'alignement inconnu {found}{hint}</translation>
        </message>
        <message>
            <source>unknown parameter {name}</source>
            <translation>un paramètre inconnu {name}</translation>
        </message>
        <message>
            <source>unknown policy lever {found}{hint}</source>
            <translation>un levier politique inconnu {found}{hint}</translation>
        </message>
        <message>
            <source>unknown shock {found}{hint}</source>
            <translation>un choc inconnu {found}{hint}</translation>
        </message>
        <message>
            <source>unknown stakeholder lens {found}{hint}</source>
            <translation>une perspective de l'acteur inconnue {found}{hint}</translation>
        </message>
        <message>
            <source>version: expected {current}, found {version}; the file was upgraded on load and will be saved as version {current}</source>
            <translation>version: attendu {current}, trouvé {version} ; le fichier a été mis à niveau à l'ouverture et sera enregistré en version {current}</translation>
        </message>
        <message>
            <source>version: expected {versions} (the versions this planner reads), found {version}: the file comes from a newer planner; update to open it</source>
            <translation>version: attendu {versions} (les versions que lit ce planificateur), trouvé {version} : le fichier provient d'un planificateur plus récent ; mettez le planificateur à jour pour l'ouvrir</translation>
        </message>
        <message>
            <source>version: expected {versions}, found nothing</source>
            <translation>version: attendu {versions}, mais elle est absente</translation>
        </message>
        <message>
            <source>version: expected {versions}, found {found}</source>
            <translation>version: attendu {versions}, trouvé {found}</translation>
        </message>
        <message>
            <source>{expected} (required)</source>
            <translation>{expected} (obligatoire)</translation>
        </message>
        <message>
            <source>{first} or {second}</source>
            <translation>{first} ou {second}</translation>
        </message>
        <message>
            <source>{hint}; {id} belongs under "{home}"</source>
            <translation>{hint} ; {id} relève de "{home}"</translation>
        </message>
        <message>
            <source>{id} again (first at shocks[{first}])</source>
            <translation>{id} de nouveau (la première fois à shocks[{first}])</translation>
        </message>
        <message>
            <source>{path}: expected Unicode text, found an unpaired surrogate escape</source>
            <translation>{path}: attendu du texte Unicode, trouvé un échappement de substitut (surrogate) non apparié</translation>
        </message>
        <message>
            <source>{path}: expected a finite number, found {value} (JSON has no NaN or Infinity)</source>
            <translation>{path}: attendu un nombre fini, trouvé {value} (JSON n'a ni NaN ni Infinity)</translation>
        </message>
        <message>
            <source>{path}: expected at most {depth} levels of nesting, found more</source>
            <translation>{path}: attendu au plus {depth} niveaux d'imbrication, trouvé davantage</translation>
        </message>
        <message>
            <source>{path}: expected each key once, found {key} {times} times</source>
            <translation>{path}: attendu chaque clé une seule fois, trouvé {key} {times} fois</translation>
        </message>
        <message>
            <source>{path}: {message}</source>
            <translation>{path}: {message}</translation>
        </message>
        <message>
            <source>a finite number ≥ 0</source>
            <translation>un nombre fini ≥ 0</translation>
        </message>
        <message>
            <source>a number &lt; 0 (import demand falls as its price rises)</source>
            <translation>un nombre &lt; 0 (la demande d'importations baisse quand son prix monte)</translation>
        </message>
        <message>
            <source>a number ≥ 0 (a substitution elasticity)</source>
            <translation>un nombre ≥ 0 (une élasticité de substitution)</translation>
        </message>
        <message>
            <source>a number &gt; 0 (export supply rises with its price)</source>
            <translation>un nombre &gt; 0 (l'offre d'exportation monte avec son prix)</translation>
        </message>
        <message>
            <source>{where} column {column}: expected {expected}, found {found}</source>
            <translation>{where} colonne {column}: attendu {expected}, trouvé {found}</translation>
        </message>
        <message>
            <source>table {table} row ({keys})</source>
            <translation>table {table} ligne ({keys})</translation>
        </message>
        <message>
            <source>{file} line {line}</source>
            <translation>{file} ligne {line}</translation>
        </message>
        <message>
            <source>it is not a folder</source>
            <translation>ce n'est pas un dossier</translation>
        </message>
        <message>
            <source>{folder}: cannot use as the data folder ({reason}); set PLANNER_DATA_DIR to a writable folder</source>
            <translation>{folder}: impossible de l'utiliser comme dossier de données ({reason}) ; définissez PLANNER_DATA_DIR sur un dossier accessible en écriture</translation>
        </message>
        <message>
            <source>{path}: the model database is damaged ({what}); rebuild it with {command}</source>
            <translation>{path}: la base de données du modèle est endommagée ({what}) ; reconstruisez-la avec {command}</translation>
        </message>
        <message>
            <source>{path}: expected the model database file, found a folder (move or remove it)</source>
            <translation>{path}: attendu le fichier de la base de données du modèle, trouvé un dossier (déplacez-le ou supprimez-le)</translation>
        </message>
        <message>
            <source>{path}: cannot write the model database ({reason})</source>
            <translation>{path}: impossible d'écrire la base de données du modèle ({reason})</translation>
        </message>
        <message>
            <source>{journal}: a leftover rollback journal stops the model database {path} from opening; it could not be removed: {reason}; remove it (once no other program has the database open)</source>
            <translation>{journal}: un journal d'annulation (rollback journal) résiduel empêche d'ouvrir la base de données du modèle {path} ; il n'a pas pu être supprimé : {reason} ; supprimez-le (quand aucun autre programme n'a la base de données ouverte)</translation>
        </message>
        <message>
            <source>{journal}: a leftover rollback journal stops the model database {path} from opening; remove it (once no other program has the database open)</source>
            <translation>{journal}: un journal d'annulation (rollback journal) résiduel empêche d'ouvrir la base de données du modèle {path} ; supprimez-le (quand aucun autre programme n'a la base de données ouverte)</translation>
        </message>
        <message>
            <source>a whole number</source>
            <translation>un nombre entier</translation>
        </message>
        <message>
            <source>text</source>
            <translation>du texte</translation>
        </message>
        <message>
            <source>a value</source>
            <translation>une valeur</translation>
        </message>
        <message>
            <source>at least {minimum}</source>
            <translation>au moins {minimum}</translation>
        </message>
        <message>
            <source>at most {maximum}</source>
            <translation>au plus {maximum}</translation>
        </message>
        <message>
            <source>table {table} row {row} column {column}: expected {expected}, found {found}</source>
            <translation>table {table} ligne {row} colonne {column}: attendu {expected}, trouvé {found}</translation>
        </message>
        <message>
            <source>table regions: expected a row {region}, found none</source>
            <translation>table regions: attendu une ligne {region}, aucune trouvée</translation>
        </message>
        <message>
            <source>table meta key base_year: expected a year, found {found}</source>
            <translation>table meta clé base_year: attendu une année, trouvé {found}</translation>
        </message>
        <message>
            <source>{problem}, and {more} more problem</source>
            <translation>{problem}, et {more} autre problème</translation>
        </message>
        <message>
            <source>{problem}, and {more} more problems</source>
            <translation>{problem}, et {more} autres problèmes</translation>
        </message>
        <message>
            <source>{path}: expected a model database, found no such file</source>
            <translation>{path}: attendu une base de données du modèle, mais le fichier n'existe pas</translation>
        </message>
        <message>
            <source>{path}: expected a model database, found {reason}</source>
            <translation>{path}: attendu une base de données du modèle, erreur : {reason}</translation>
        </message>
        <message>
            <source>{path}: expected a model database file, found a folder</source>
            <translation>{path}: attendu un fichier de base de données du modèle, trouvé un dossier</translation>
        </message>
        <message>
            <source>{path}: cannot read the model database ({reason})</source>
            <translation>{path}: impossible de lire la base de données du modèle ({reason})</translation>
        </message>
        <message>
            <source>{file} line {line} column {column}</source>
            <translation>{file} ligne {line} colonne {column}</translation>
        </message>
        <message>
            <source>{file} column {column}</source>
            <translation>{file} colonne {column}</translation>
        </message>
        <message>
            <source>{folder}: expected a folder of seed CSV files, found no such folder</source>
            <translation>{folder}: attendu un dossier de fichiers CSV de départ, mais le dossier n'existe pas</translation>
        </message>
        <message>
            <source>{file}: expected the seed file of table {table}, found no such file</source>
            <translation>{file}: attendu le fichier de départ de la table {table}, mais le fichier n'existe pas</translation>
        </message>
        <message>
            <source>{file}: expected UTF-8 text, found a byte that is not ({reason})</source>
            <translation>{file}: attendu du texte UTF-8, trouvé un octet qui n'en est pas ({reason})</translation>
        </message>
        <message>
            <source>{file} line {line}: expected a header row, found an empty file</source>
            <translation>{file} ligne {line}: attendu une ligne d'en-tête, trouvé un fichier vide</translation>
        </message>
        <message>
            <source>{file} line {line}: expected a CSV header row, found {reason}</source>
            <translation>{file} ligne {line}: attendu une ligne d'en-tête CSV, erreur : {reason}</translation>
        </message>
        <message>
            <source>{where}: expected this column in the header, found it missing</source>
            <translation>{where}: attendu cette colonne dans l'en-tête, mais elle manque</translation>
        </message>
        <message>
            <source>{where}: expected only the columns {columns}, found this extra column</source>
            <translation>{where}: attendu seulement les colonnes {columns}, trouvé cette colonne en trop</translation>
        </message>
        <message>
            <source>(blank)</source>
            <translation>(vide)</translation>
        </message>
        <message>
            <source>{where}: expected each column once, found it repeated</source>
            <translation>{where}: attendu chaque colonne une seule fois, trouvée répétée</translation>
        </message>
        <message>
            <source>{file} line {line}: expected a CSV row, found {reason}</source>
            <translation>{file} ligne {line}: attendu une ligne CSV, erreur : {reason}</translation>
        </message>
        <message>
            <source>{file} line {line}: expected {width} cells, found {count}</source>
            <translation>{file} ligne {line}: attendu {width} cellules, trouvé {count}</translation>
        </message>
        <message>
            <source>{where}: expected a value, found an empty cell</source>
            <translation>{where}: attendu une valeur, trouvé une cellule vide</translation>
        </message>
        <message>
            <source>{where}: {problem}</source>
            <translation>{where}: {problem}</translation>
        </message>
        <message>
            <source>{where}: expected a unique ({columns}), found {key} again (first on line {first})</source>
            <translation>{where}: attendu une valeur unique de ({columns}), trouvé {key} de nouveau (première fois à la ligne {first})</translation>
        </message>
        <message>
            <source>{where}: expected an id from {file}, found {found}</source>
            <translation>{where}: attendu un identifiant de {file}, trouvé {found}</translation>
        </message>
        <message>
            <source>{where}: expected a row for region {region}, found none</source>
            <translation>{where}: attendu une ligne pour la région {region}, aucune trouvée</translation>
        </message>
        <message>
            <source>{where}: expected a {kind} row for sector {sector}, found none</source>
            <translation>{where}: attendu une ligne {kind} pour le secteur {sector}, aucune trouvée</translation>
        </message>
        <message>
            <source>{where}: expected the shares of sector {sector} to sum to 1, found {total}</source>
            <translation>{where}: attendu que les parts du secteur {sector} totalisent 1, trouvé {total}</translation>
        </message>
        <message>
            <source>{where}: expected values separated by ';', found none</source>
            <translation>{where}: attendu des valeurs séparées par ';', aucune trouvée</translation>
        </message>
        <message>
            <source>{where}: expected an alignment choice among {choices} including none, found {found}</source>
            <translation>{where}: attendu un choix d'alignement parmi {choices} incluant none, trouvé {found}</translation>
        </message>
        <message>
            <source>{where}: expected a 'value' row for alignment {lever}, found none</source>
            <translation>{where}: attendu une ligne 'value' pour l'alignement {lever}, aucune trouvée</translation>
        </message>
        <message>
            <source>one of the choices</source>
            <translation>un des choix</translation>
        </message>
        <message>
            <source>at least the minimum {minimum}</source>
            <translation>au moins le minimum {minimum}</translation>
        </message>
        <message>
            <source>at most the maximum {maximum}</source>
            <translation>au plus le maximum {maximum}</translation>
        </message>
    </context>
</TS>
