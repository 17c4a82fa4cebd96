/**
 * Abbreviations of German (and English) news text, by how their final period relates to a
 * sentence end. Keys are written without inner spaces ("z.B."), because the splitter joins the
 * tokens of a spaced abbreviation ("z. B.") before looking it up.
 *
 * - `never`: the abbreviation announces something that follows (a name, a number, an example),
 *   and even a capitalised function word after it belongs to the same sentence ("z. B. Die
 *   Linke"), so its period never ends a sentence.
 * - `capital`: it typically closes an enumeration (etc., usw.), so any capitalised word after it
 *   starts a new sentence.
 * - `unit`: a unit of time after a number ("20 Min.", "3 Std."). A noun may follow in the same
 *   sentence ("mit 20 Min. Verspätung"); the splitter wants a sentence opener, or a subject with
 *   its verb ("30 Min. Grund ist …"), before it ends a sentence there.
 * - `starter` (every other entry): it usually continues the sentence ("2 Mio. Euro", "am Mo. in
 *   Peking", "Co. KG") but can end one, which the splitter only believes when a closed-class
 *   sentence opener follows ("auf 2,3 Mio. Das teilte ...").
 */

export type AbbreviationClass = 'never' | 'starter' | 'capital' | 'unit'

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean)

const NEVER = words(`
  z.B. z.b. d.h. v.a. vgl. bzw. sog. ca. rd. bspw. inkl. exkl. zzgl. abzgl. bzgl. lt. gem.
  i.e. e.g. vs. v. gg. ggü. zw. betr. entspr. bez. resp. cf. approx. insb. insbes. einschl.
  ausschl. i.S.d. i.S.v. i.V.m. i.H.v. i.R.d. z.Hd. z.H. u.d.T.
  Dr. Drs. Dres. Prof. Profs. Hr. Hrn. Herrn. Fr. Frl. Mr. Mrs. Ms. Messrs. Mme. Mlle. Mmes.
  St. Ste. Sta. Sto. Sr. Pfr. Rev. Hon. Dipl. Ing. Mag. Lic. Priv. Doz. Dir. Präs. Abg. Bgm.
  Gouv. Gov. Sen. Rep. Pres. Sgt. Capt. Cpt. Kpt. Kapt. Lt. Ltn. Oblt. Col. Maj. Mjr.
  Adm. Cmdr. Cdr. Brig. Hptm. Obst. Oberstlt. Obstlt. Fw. Uffz. Gefr. Kdr. Insp.
  Kom. Komm. Kommiss. Vors. stv. stellv. Stv. Stellv. Vizepräs. Min.-Präs. MinPräs. Bürgerm.
  Kfm. kfm. em. emer. apl. Staatssekr. Sekr. Ltr. Abt.-Ltr. Gf.
`)

const CAPITAL = words(`
  etc. usw. u.s.w. usf. u.v.m. u.a.m. u.v.a. u.dgl. pp. Chr. v.Chr. n.Chr. u.Z. v.u.Z.
`)

const UNIT = words(`
  Std. Stdn. Min. Sek. Sec. Hrs. Mins. Secs.
`)

// Everything here continues a sentence unless a clear sentence opener follows.
const STARTER = words(`
  u.a. o.ä. o.Ä. u.ä. u.Ä. u.U. z.T. z.Z. z.Zt. zzt. zz. m.E. m.W. a.D. e.V. i.d.R. i.A. i.V.
  i.R. i.B. i.Br. i.J. i.H. a.M. a.d. a.a.O. o.g. u.g. s.o. s.u. o.a. o.J. o.O. d.Ä. d.J. d.i.
  d.M. d.O. d.Red. u.E. v.H. v.T. p.a. al. h.c. rer.nat. rer.pol. Dr.med. Dr.phil.
  med. jur. phil. rer. nat. pol. oec. theol. dent. vet. habil. pharm. techn. sc. oec.
  Jan. Feb. Febr. Mär. Mrz. Apr. Jun. Jul. Aug. Sep. Sept. Okt. Nov. Dez.
  Mar. Oct. Dec. Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat. Sun.
  Mo. Di. Mi. Do. Sa. So.
  Mio. Mrd. Tsd. Bio. Mill. Md. Bill. Jh. Jhd. Jhdt. Jht. Jhs.
  Nr. Nrn. No. Nos. Abs. Art. Artt. Ziff. lit. Bd. Bde. Kap. Anm. Tab. Abb. Fn. Rn. Rdnr. Rz.
  Az. Aktz. Aktenz. Gz. Sig. Tz. Tel. Fax. Mob. Vol. S. Sp. Hs. Buchst. Anh. Anl. Abschn. Beil.
  Bl. Par. f. ff. Tl. Jg.
  Jgg. Jahrg. Ausg. Aufl. Hrsg. hrsg. Hg. Hgg. Verf. Verl. Bearb. bearb. Übers. übers. Red.
  Bsp. bsp. Ggs. ggs. Forts. Pos. Kto. Bj. Kat. Nachf. Inh. Gesch. Mitw. Expl. Ed. Eds. ed.
  eds. p. Abt. Komp. Reg. Rgt. Div. Bat. Kpl. Cpl. Pvt.
  Co. Inc. Corp. Ltd. Jr. jr. jun. sen. Bros. Gebr. Fa. Fam. Wwe. Ww. Dt. dt. Dtl. Frz. frz.
  Engl. engl. Ital. ital. Span. span. Russ. russ. Amerik. amerik. Ev. ev. evang. kath. Kath.
  Luth. Röm. röm. Nat. Int. int. Intl. Südd. Westf. Rhld. Hess. Bay. Bayr. Sächs. Nieders.
  geb. gest. verh. gesch. verw. led. ehem. ehm. verst. gen. gez. Gez. gegr. gek. begr.
  Str. Pl. Mt. Ft. Pt. Ave. Blvd. Rd. Bhf. Hbf. Kr. Lkr. Landkr. Bez. Gde. Gem. Kt. Prov.
  Akad. Univ. Uni. Inst. Ges. Verb. Ver. Verw. Hochsch. Dept.
  ggf. ggfs. evtl. eventl. bes. allg. ggw. urspr. ursprüngl. jew. jährl. monatl. tägl.
  wöchentl. zus. zusätzl. insg. insges. mind. Mind. max. Max. min. rel. abs. eig. eigtl.
  ebd. Ebd. desgl. dergl. dgl. ds. erg. Erg. erw. Erw. geh. ges. hpts. kgl. lfd. mtl. od. pers.
  priv. spez. südl. nördl. östl. westl. übl. wiss. zit. zul. vorm. nachm. vorl. u.zw.
  Mwst. MwSt. Pfd. Pkt. Stk. Ztr. Hdt. Proz. Zi. Whg. qm. Hl. hl. Bed. Adr. Abk. Temp. Stud.
  Th. Ch. Wm. Jos. Jac. Joh. Friedr. Wilh. Ferd. Hch. Gen. Oberst.
  Ph.D. M.A. B.A. M.Sc. B.Sc. LL.M. Esq.
  a.m. p.m. U.S. U.K. U.N. E.U. D.C. U.S.A. Dipl.-Ing. Dipl.-Kfm. Dipl.-Pol. Priv.-Doz.
  Arch. Chem. Phys. Math. Med. Jur. Ökon. Soz. Päd. Psych. Philos. Hist. Geogr. Biol. Lit. Mus.
  Ldkr. Oberbay. Niederbay. Mittelfr. Unterfr. Oberfr. Opf. Württ. Meckl. Vorpomm. Brandenb.
  Thür. Schlesw. Holst. Ndrh. Rheinl. Westf. Obb. Bw. Lw. Obm. Vorst. Präsid. Gew.
  Assoc. Est. Fig. fig. Govt. Mgr. Mfg. Natl. Ref. ref. Sq. Supt. dept. est. incl. misc. no.
  viz. Abschn. Ausf. Bed. Beschl. Bek. Entsch. Erl. Ges.-Entw. Gutacht. Komm. Nov. Prot. Urt.
  erb. jhrl. k.o. k.u.k. m.M. möbl. österr. Österr. Rel. u.A.w.g. wg.
  Verf. Verh. VO. Vorb. Ztschr. Zs. Zt. Zeitschr. Mitt. Anz. Bull. Bl. Jb. Jbb. Kl. Gr. Bj.
`)

const LEXICON = new Map<string, AbbreviationClass>()
for (const w of STARTER) LEXICON.set(w, 'starter')
for (const w of NEVER) LEXICON.set(w, 'never')
for (const w of CAPITAL) LEXICON.set(w, 'capital')
for (const w of UNIT) LEXICON.set(w, 'unit')

/** The class of an abbreviation written without spaces and with its final period, if known. */
export function abbreviationClass(key: string): AbbreviationClass | undefined {
  const hit = LEXICON.get(key)
  if (hit !== undefined) return hit
  // A lowercase abbreviation capitalised because it opens a sentence ("Vgl. dazu", "Z. B.").
  const lower = key.charAt(0).toLowerCase() + key.slice(1)
  return lower === key ? undefined : LEXICON.get(lower)
}

/** Abbreviations whose parts may be separated by spaces, longest first by part count. */
export const MAX_ABBREVIATION_PARTS = 4

export const LEXICON_SIZE = LEXICON.size
