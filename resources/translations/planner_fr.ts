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
            <translation>&amp;Aide</translation>
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
</TS>
