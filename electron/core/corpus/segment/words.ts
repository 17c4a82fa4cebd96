/**
 * Closed word classes the splitter uses to judge what follows an ambiguous period.
 */

const list = (s: string): string[] => s.split(/\s+/).filter(Boolean)
const set = (s: string): Set<string> => new Set(list(s))

/**
 * Capitalised function words that open German sentences. A noun or name may follow an
 * abbreviation or an ordinal inside a sentence; these words practically never do, so after an
 * ambiguous period they are the evidence that a new sentence begins.
 */
export const SENTENCE_OPENERS = set(`
  Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Kein Keine Keinen Keinem Keiner
  Dieser Diese Dieses Diesen Diesem Jener Jene Jenes Jeder Jede Jedes Jeden Jedem Alle Allen
  Aller Alles Beide Beiden Viele Vielen Einige Einigen Manche Mancher Mehrere Wenige Solche
  Sein Seine Seinen Seinem Seiner Ihr Ihre Ihren Ihrem Ihrer Unser Unsere Unseren Mein Meine
  Welche Welcher Welches Ich Du Er Sie Es Wir Man Mir Mich Uns Ihm Ihn Ihnen Niemand Jemand
  Nichts Etwas Wer Was Wem Wen Dies Dazu Und Oder Aber Doch Denn Sondern Auch Noch Nur Schon
  Bereits Erst Dann Danach Davor Dabei Dagegen Daher Darum Deshalb Deswegen Dennoch Trotzdem
  Zudem Außerdem Ferner Allerdings Jedoch Zwar Immerhin Schließlich Letztlich Zuletzt Zunächst
  Anschließend Später Vorher Nachher Heute Gestern Morgen Jetzt Nun Damals Inzwischen
  Mittlerweile Bisher Seither Seitdem Zuvor Bald Oft Häufig Manchmal Immer Nie Niemals Stets
  Hier Dort Da Darauf Daraus Darin Darüber Damit Davon Dadurch Dafür Sonst Vielleicht
  Wahrscheinlich Möglicherweise Offenbar Offensichtlich Tatsächlich Natürlich Sicher
  Eigentlich Gerade Genau Ebenso Ebenfalls Gleichzeitig Zugleich Insgesamt Vor Nach Bei Mit
  Seit Für Auf Aus Von Zu Zum Zur Im Am In An Um Unter Über Gegen Ohne Trotz Wegen Laut
  Während Durch Hinter Neben Zwischen Bis Ab Angesichts Anders Ob Wenn Als Weil Dass Obwohl
  Nachdem Bevor Sobald Solange Falls Wie Wo Wann Warum Weshalb Wieso Woher Wohin Womit So
  Also Somit Folglich Hingegen Stattdessen Vielmehr Besonders Mehr Weniger Nicht Kaum Fast
  Etwa Rund Knapp Allein Selbst Sogar Wieder Erneut Weitere Weiteren Andere Anderen
  Jedenfalls Übrigens Ja Nein Hinzu Insofern Demnach Dementsprechend Entsprechend Zumindest
  Mindestens Höchstens Zwei Drei Vier Fünf Sechs Sieben Acht Neun Zehn Elf Zwölf Hundert
  Tausend Gemeinsam Bislang Derzeit Aktuell Zurzeit Kürzlich Neulich Einst Künftig Zukünftig
  Ähnlich Umgekehrt Ebenfalls Trotzdem Dafür Woran Worauf Wofür Daneben Darunter Demzufolge
  Unterdessen Indes Indessen Zeitgleich Parallel Unklar Fraglich Wichtig Klar Fest Sicherlich
  Vermutlich Angeblich Nachdem Sollte Sollten Wird Werden Wurde Wurden Ist Sind War Waren Hat
  Haben Hatte Hatten Kann Können Konnte Muss Müssen Soll Will Darf Gibt Geht Bleibt Bitte
  The An It He She We They This That There On At For But
`)

export const MONTHS = set(`
  Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober November
  Dezember Jan Feb Febr Mär Mrz Apr Jun Jul Aug Sep Sept Okt Nov Dez
`)

/**
 * Words before a number that make a following period an ordinal marker ("am 3. Oktober", "der
 * 5. Anlauf", "zum 2. Mal", "1. und 2. Liga").
 */
export const ORDINAL_ARTICLES = set(`
  am im vom zum zur beim ins ans aufs fürs übers der die das dem den des ein eine einem einen
  einer eines sein seine seinem seinen seiner seines ihr ihre ihrem ihren ihrer ihres unser
  unsere unserem unseren unserer euer eure mein meine meinem meinen dein deine dieser diese
  diesem diesen dieses jener jene jenem jenen jeder jede jedem jeden jedes welcher welche
  kein keine keinem keinen
`)

/** Words that join ordinals into lists and ranges ("1. bis 3. Klasse", "2. und 3. Liga"). */
export const ORDINAL_LINKS = set(`
  und oder bzw sowie bis ab seit als vor nach zwischen über unter für - – / &
`)

/**
 * Endings of nouns that typically follow an ordinal ("Jahrhundert", "Spieltag", "Weltkrieg").
 * Matched against the lowercased next word, so compounds count too.
 */
export const ORDINAL_NOUN_ENDINGS = list(`
  jahrhundert jahrtausend jh jhd jahrestag tag mal platz rang stock stockwerk etage liga runde
  halbzeit minute sitzung lesung periode amtszeit auflage ausgabe kapitel klasse lebensjahr
  jahrgang quartal halbjahr krieg anlauf versuch sieg niederlage tor treffer armee division korps
  bataillon regiment staffel folge teil satz absatz band mannschaft woche monat stelle preis
  gebot sinfonie symphonie advent feiertag republik reich senat kammer vorsitzende vorsitzender
  bürgermeister durchgang wahlgang instanz semester schuljahr generation welle phase stufe fc fsv
  sc sv bundesliga todestag jahr jubiläum spiel etappe saison legislatur parteitag kongress
  wiederholung anflug angriff welt kompanie flotte brigade bezirk wahl spieltag lauf rennen
  turnier gipfel konferenz treffen festival
`)

/**
 * Inflectional endings of nouns after an ordinal ("des 15. Jahrhunderts", "in der 3. Runden"),
 * stripped before ORDINAL_NOUN_ENDINGS are matched.
 */
export const NOUN_INFLECTIONS = ['es', 's', 'en', 'n', 'e']

/**
 * Finite forms of auxiliaries, modals and a few light verbs. A capitalised word followed by one
 * of them is the subject of a new clause in verb-second order ("… 30 Min. Grund ist …").
 */
export const FINITE_VERBS = set(`
  ist sind war waren hat haben hatte hatten wird werden wurde wurden kann können konnte konnten
  muss müssen musste mussten soll sollen sollte sollten will wollen wollte wollten darf dürfen
  durfte durften gibt gab bleibt blieb blieben liegt lag lagen steht stand standen geht ging
  gingen kommt kam kamen sei seien wäre wären hätte hätten würde würden
`)

/** Internet top-level domains that mark a token as a domain name rather than an abbreviation. */
export const TOP_LEVEL_DOMAINS = set(`
  de com org net eu at ch info io gov edu uk fr it es nl be pl ru cn jp us int biz tv me
`)
