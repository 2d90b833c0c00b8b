/**
 * Italian (it) text of the cancer-imaging data-altruism consent form, version 1: a translation of
 * `texts.en` in ./cancer-imaging-v1.ts, with the same modules, choices and paragraphs.
 *
 * Register: "Lei", with the courtesy pronouns and possessives capitalised (Lei, La, Le, Suo, ...)
 * as is usual in Italian consent and information documents, and worded so that no adjective
 * agrees with the reader's gender. Terminology follows the Italian versions of the legal acts:
 * altruismo dei dati, organizzazione per l'altruismo dei dati riconosciuta, atto sulla governance
 * dei dati (regolamento (UE) 2022/868), GDPR (the acronym Italian patients know best for the
 * regolamento generale sulla protezione dei dati), titolare del trattamento, responsabile della
 * protezione dei dati, spazio europeo dei dati sanitari, organismo responsabile dell'accesso ai dati
 * sanitari, autorizzazione ai dati, uso secondario, opt-out. Names, codes, e-mail addresses and URLs
 * are left unchanged; the typographic apostrophe (’) is used except in the organisation's street
 * name.
 *
 * PUBLISHED TEXT. It is hashed into the text hash that each consent given in Italian records
 * (formTextHash in ../form.ts). Do not edit it: publish a new form version instead.
 */
import type { FormText } from "../form";

/** Paragraphs of a full text, separated by a blank line. */
const paragraphs = (...ps: string[]): string => ps.join("\n\n");

export const textIt: FormText = {
  title: "Modulo di consenso all’altruismo dei dati per l’imaging oncologico",
  introduction: paragraphs(
    "Con questo modulo Le chiediamo se desidera condividere i dati dei Suoi esami di diagnostica per immagini e della Sua documentazione sanitaria per aiutare la ricerca sul cancro. " +
      "La condivisione è una Sua libera scelta. Non riceverà alcun compenso. " +
      "Dire di no, oppure dire di sì e cambiare idea in seguito, non avrà mai alcuna conseguenza sulle Sue cure.",
    "È Lei a decidere che cosa viene condiviso, per quale tipo di ricerca, con chi, dove e per quanto tempo. " +
      "Può modificare le Sue scelte o revocare il Suo consenso in qualsiasi momento, con un solo passaggio.",
    "Ogni parte di questo modulo inizia con una breve sintesi. Il testo completo sotto ciascuna sintesi fornisce i dettagli giuridici. " +
      "Si tratta di un modulo europeo di consenso all’altruismo dei dati ai sensi dell’articolo 25 dell’atto sulla governance dei dati (regolamento (UE) 2022/868). " +
      "Con esso Le chiediamo il Suo consenso esplicito ai sensi dell’articolo 6, paragrafo 1, lettera a), dell’articolo 7 e dell’articolo 9, paragrafo 2, lettera a), del regolamento generale sulla protezione dei dati (regolamento (UE) 2016/679, «GDPR»).",
  ),
  modules: {
    objectives: {
      heading: "Perché Le chiediamo il consenso: ricerca di interesse generale",
      summary:
        "Le Sue immagini mediche possono aiutare i medici a scoprire il cancro prima e a curarlo meglio. " +
        "I ricercatori imparano dalle immagini di molte persone. " +
        "Creano e mettono alla prova anche strumenti informatici, chiamati IA, che aiutano a leggere le immagini mediche.",
      fullText: paragraphs(
        "Donum raccoglie il consenso all’altruismo dei dati: la condivisione volontaria di dati, senza compenso, per obiettivi di interesse generale, come definito all’articolo 2, punto 16, dell’atto sulla governance dei dati (regolamento (UE) 2022/868).",
        "Gli obiettivi di interesse generale perseguiti con i dati a cui si riferisce questo modulo sono: " +
          "a) un’individuazione, una diagnosi e una stadiazione del cancro più precoci e più accurate; " +
          "b) cure migliori contro il cancro, anche prevedendo come un tumore risponderà al trattamento e riducendo gli effetti collaterali; " +
          "c) lo sviluppo, l’addestramento, la validazione e il monitoraggio di metodi di intelligenza artificiale (IA) che analizzano immagini mediche, affinché siano accurati, sicuri ed equi per tutti i pazienti; " +
          "d) la sanità pubblica, anche per comprendere come il cancro colpisce diversi gruppi di persone e per valutare i programmi di screening; ed " +
          "e) la ricerca scientifica che richiede raccolte ampie e diversificate di immagini mediche e di dati correlati, svolta con le garanzie previste dall’articolo 89 del GDPR.",
        "I Suoi dati vengono trasmessi solo per la ricerca, e solo entro i limiti delle scelte che Lei fa in questo modulo. " +
          "I destinatari non possono utilizzarli per prendere decisioni che La riguardano come persona, ad esempio in materia di assicurazioni, lavoro o credito, né per pubblicità o marketing. " +
          "Donum non vende dati.",
        "La condivisione è volontaria. Non riceverà alcun pagamento né altra ricompensa. " +
          "Prestare, limitare o revocare questo consenso non ha alcun effetto sulle cure che riceve, né ora né in futuro.",
      ),
    },
    organisation: {
      heading: "Chi siamo e come contattarci",
      summary:
        "Siamo Donum, un’organizzazione per l’altruismo dei dati senza scopo di lucro, registrata nell’UE. " +
        "Teniamo traccia delle Sue scelte. " +
        "Prima di condividere i Suoi dati, un ospedale deve chiederci che cosa Lei ha autorizzato. " +
        "Può scrivere a noi o al nostro responsabile della protezione dei dati in qualsiasi momento.",
      fullText: paragraphs(
        "Questo modulo è fornito dalla European Cancer Imaging Data Altruism Federation (Donum), Rue de l'Exemple 1, 1000 Bruxelles, Belgio. " +
          "Donum è un’organizzazione per l’altruismo dei dati riconosciuta, iscritta nel registro pubblico con il numero BE-DAO-2026-0001 (articoli da 17 a 19 dell’atto sulla governance dei dati). " +
          "Come richiesto dall’atto, Donum è una persona giuridica senza scopo di lucro, giuridicamente indipendente da qualsiasi entità che operi a scopo di lucro, e svolge le sue attività di altruismo dei dati attraverso una struttura funzionalmente separata da tutte le sue altre attività.",
        "Donum non conserva le Sue immagini né la Sua documentazione sanitaria. Queste restano presso gli ospedali e i centri di diagnostica per immagini che le hanno prodotte, i quali partecipano alla federazione tramite punti di accesso sicuri chiamati nodi di imaging. " +
          "Donum custodisce il Suo consenso: le scelte che Lei fa in questo modulo e ogni modifica che vi apporta. " +
          "Prima che un nodo di imaging trasmetta qualsiasi Suo dato, deve chiedere a Donum se il Suo consenso consente tale trasmissione, e conserva come prova la risposta firmata di Donum.",
        "Donum è titolare del trattamento, ai sensi del GDPR, dei dati personali che tratta per registrare il Suo consenso e rispondere a tali richieste. " +
          "Ciascun nodo di imaging è titolare del trattamento dei dati che conserva e trasmette. " +
          "Ciascun destinatario è titolare del trattamento dei dati che riceve, per il proprio progetto.",
        "Contatti: contact@donum.example.org. Sito web: https://donum.example.org. " +
          "Responsabile della protezione dei dati: dpo@donum.example.org. Può scrivere al nostro responsabile della protezione dei dati per qualsiasi questione riguardante i Suoi dati o i Suoi diritti.",
        "Donum tiene un registro delle organizzazioni che hanno ricevuto dati tramite la federazione, delle date e della durata del trattamento e delle relative finalità, e pubblica una relazione annuale di attività, come previsto dall’articolo 20 dell’atto sulla governance dei dati.",
      ),
    },
    purposes: {
      heading: "Per che cosa possono essere usati i Suoi dati",
      summary:
        "È Lei a scegliere quanto può essere ampia la ricerca. " +
        "Può trattarsi di qualsiasi ricerca, solo della ricerca in ambito sanitario oppure solo della ricerca sui tumori che sceglie Lei. " +
        "Per addestrare o testare l’IA serve un Suo sì separato. " +
        "Una scelta più ampia comprende quelle più ristrette.",
      fullText: paragraphs(
        "Ogni richiesta di trasmissione di dati indica una finalità di ricerca, codificata con la GA4GH Data Use Ontology (DUO), il vocabolario usato dal catalogo della federazione. " +
          "I Suoi dati vengono trasmessi solo se tale finalità rientra nel livello di ricerca che Lei sceglie. I livelli sono tre.",
        "Uso per la ricerca generale (DUO:0000042, codice GRU): ricerca per qualsiasi finalità. " +
          "Comprende la ricerca sanitaria, medica e biomedica, ma anche altre ricerche, come la biologia di base, lo sviluppo di metodi statistici e informatici e lo studio delle origini delle popolazioni o dell’ascendenza.",
        "Ricerca sanitaria, medica e biomedica (DUO:0000006, codice HMB): ricerca su salute, malattie, medicina e assistenza sanitaria, compresa la ricerca su qualsiasi tumore. " +
          "Non comprende la ricerca che non riguarda la salute, né lo studio delle origini delle popolazioni o dell’ascendenza.",
        "Ricerca specifica per malattia (DUO:0000007, codice DS): solo la ricerca sui tumori che Lei seleziona. " +
          "I tumori che può selezionare sono: cancro (qualsiasi tipo), tumore del polmone, tumore della mammella, tumore della prostata, tumore del colon-retto, tumore del pancreas, carcinoma epatocellulare (il tipo più comune di tumore del fegato), tumore cerebrale, tumore dell’ovaio, melanoma e linfoma. " +
          "Se seleziona «cancro (qualsiasi tipo)», è consentita la ricerca su qualsiasi tipo di tumore. " +
          "Se seleziona determinati tumori, è consentita solo la ricerca su uno di essi; la ricerca su un altro tumore, o sul cancro in generale, non è consentita.",
        "I livelli sono inclusi l’uno nell’altro. L’uso per la ricerca generale comprende gli altri due livelli. La ricerca sanitaria, medica e biomedica comprende la ricerca su ciascuno dei tumori elencati. " +
          "La ricerca specifica per malattia non comprende nulla al di là dei tumori che Lei seleziona.",
        "Intelligenza artificiale. Il consenso alla sola ricerca non consente mai l’uso dei Suoi dati per l’IA. Ci sono due scelte separate. " +
          "L’addestramento di modelli di IA consiste nell’usare i Suoi dati per costruire, o «istruire», un modello informatico, ad esempio un modello che impara a trovare i tumori nelle immagini. " +
          "La validazione di modelli di IA consiste nell’usare i Suoi dati per verificare quanto bene funziona un modello già costruito, ad esempio prima che venga usato negli ospedali o certificato come dispositivo medico. " +
          "Ciascuna è consentita solo se Lei la sceglie, e solo entro il livello di ricerca, i dati, i destinatari e i luoghi che Lei sceglie. " +
          "Se consente l’addestramento dell’IA e consente anche le imprese commerciali, un’impresa può usare i Suoi dati per addestrare un modello di IA che poi vende come prodotto.",
        "Nuovo contatto. Se Lei lo consente, un progetto che prevede di ricontattarLa, ad esempio per invitarLa a uno studio di follow-up, può ricevere i Suoi dati. " +
          "Se non lo consente, i progetti che prevedono di ricontattarLa non possono ricevere i Suoi dati. " +
          "I ricercatori non conoscono il Suo nome, quindi qualsiasi contatto dovrebbe essere organizzato dall’ospedale che conserva i Suoi dati.",
        "Risultati sulla Sua salute. Può comunicarci che desidera ricevere informazioni su risultati che potrebbero essere importanti per la Sua salute. " +
          "Registriamo questo desiderio insieme al Suo consenso. Non cambia quali trasmissioni sono consentite e non è una promessa che Lei riceverà alcuna informazione. " +
          "La ricerca su dati pseudonimizzati produce raramente risultati che riguardano una singola persona, e tali risultati sono spesso incerti. " +
          "Un risultato potrebbe raggiungerLa solo tramite l’ospedale che conserva i Suoi dati, secondo le norme del Suo Paese.",
        "Una trasmissione è consentita solo se ogni elemento della richiesta è coperto dal Suo consenso: i dati, la finalità, qualsiasi uso di IA, il tipo e il Paese del destinatario e, se pertinente, il contatto con Lei. " +
          "Se anche un solo elemento non è coperto, la risposta è no.",
      ),
    },
    dataCategories: {
      heading: "Quali dati condivide",
      summary:
        "È Lei a scegliere quali tipi di dati possono essere condivisi. " +
        "Ad esempio immagini di TC o di risonanza magnetica, referti medici, la storia dei Suoi trattamenti o dati genetici. " +
        "Prima di ogni trasmissione, il Suo nome e gli altri dati che rivelano chi è Lei vengono sostituiti da un codice. " +
        "Il Suo numero di identificazione nazionale non viene mai condiviso.",
      fullText: paragraphs(
        "Può scegliere uno o più dei seguenti tipi di dati. Possono essere trasmessi solo i tipi che Lei sceglie; una trasmissione che comprende più tipi è consentita solo se Lei li ha scelti tutti.",
        "Immagini mediche, per tipo: " +
          "TC (tomografia computerizzata); " +
          "risonanza magnetica (RM); " +
          "PET (tomografia a emissione di positroni); " +
          "mammografie (radiografie del seno); " +
          "ecografie; " +
          "radiografie (immagini a raggi X) diverse dalle mammografie; e " +
          "vetrini di patologia digitale (immagini al microscopio digitalizzate di campioni di tessuto, come le biopsie). " +
          "Le immagini sono accompagnate da informazioni tecniche su come sono state acquisite, come la data, l’apparecchio e le sue impostazioni.",
        "Referti: referti radiologici (il referto scritto del medico che ha esaminato le Sue immagini) e referti di anatomia patologica (il referto scritto sui Suoi campioni di tessuto, compresi il tipo e lo stadio di un tumore).",
        "Storia clinica: le Sue diagnosi, le malattie e i disturbi precedenti rilevanti e informazioni di base come età, sesso, altezza e peso.",
        "Trattamenti ed esiti: i trattamenti che ha ricevuto, come chirurgia, radioterapia, chemioterapia e altri farmaci, l’evoluzione della Sua malattia e, se registrata, la sopravvivenza.",
        "Dati genomici: informazioni ricavate dal DNA, che possono provenire dal Suo tumore, dal Suo DNA ereditario o da entrambi. " +
          "Il DNA ereditario può dire qualcosa sui Suoi consanguinei oltre che su di Lei, e non può essere reso davvero anonimo. Ci pensi prima di sceglierlo.",
        "Prima di ogni trasmissione, il nodo di imaging pseudonimizza i dati (articolo 4, punto 5, del GDPR): rimuove il Suo nome, il Suo indirizzo, il Suo numero di identificazione nazionale e gli altri identificativi diretti dalle immagini, dalle relative informazioni tecniche e dai referti, e li sostituisce con un codice. " +
          "I dati pseudonimizzati restano dati personali. Chi dispone di informazioni aggiuntive potrebbe, in alcuni casi, risalire alla persona a cui appartengono, ad esempio da un’immagine della testa o da dati genetici. " +
          "Per questo i destinatari sono obbligati a non tentare mai di identificarLa, come spiegato in «Chi può ricevere i Suoi dati».",
        "Il Suo numero di identificazione nazionale non viene mai condiviso con i destinatari. " +
          "Donum stesso non lo conserva: quando Lei accede, o quando un ospedale chiede di Lei, il numero viene subito trasformato in un codice segreto (un hash crittografico con chiave segreta) e il numero stesso viene eliminato. " +
          "Donum non conserva immagini, referti né documentazione sanitaria.",
      ),
    },
    recipients: {
      heading: "Chi può ricevere i Suoi dati",
      summary:
        "È Lei a scegliere quali tipi di organizzazioni possono usare i Suoi dati. " +
        "Possono essere enti pubblici di ricerca, organizzazioni senza scopo di lucro o imprese. " +
        "Ogni progetto viene valutato prima di ricevere qualsiasi dato. " +
        "I destinatari non devono mai cercare di scoprire chi è Lei.",
      fullText: paragraphs(
        "Può consentire uno o più dei tre tipi di destinatari. " +
          "Enti pubblici di ricerca: università, ospedali pubblici, istituti pubblici di ricerca e altri enti pubblici che svolgono attività di ricerca. " +
          "Organizzazioni senza scopo di lucro: fondazioni, enti di beneficenza, associazioni di pazienti e altri enti non profit che svolgono attività di ricerca. " +
          "Imprese commerciali: imprese che operano a scopo di lucro, ad esempio imprese che sviluppano software medico, strumenti di IA, dispositivi medici o farmaci.",
        "Se non consente le imprese commerciali, nessuna impresa commerciale riceve i Suoi dati: possono essere usati solo da enti pubblici e senza scopo di lucro (in termini DUO, solo uso senza scopo di lucro).",
        "Ogni richiesta di trasmissione di dati indica l’organizzazione destinataria, il suo tipo e il Paese in cui è stabilita. " +
          "Donum verifica entrambi gli elementi rispetto alle Sue scelte prima di rispondere. " +
          "Nella sezione «Chi ha chiesto di me», descritta in «I Suoi diritti», può vedere il nome di ogni destinatario indicato in una richiesta che La riguarda.",
        "Prima che un destinatario possa ricevere dati, il suo progetto deve essere approvato. " +
          "Quando diventeranno applicabili le norme sull’uso secondario del regolamento sullo spazio europeo dei dati sanitari (regolamento (UE) 2025/327), un destinatario potrà accedere ai dati solo in base a un’autorizzazione ai dati rilasciata da un organismo responsabile dell’accesso ai dati sanitari (articolo 68) ed entro i termini di tale autorizzazione. " +
          "Ogni destinatario deve inoltre firmare con la federazione un accordo che limita l’uso dei dati al progetto approvato.",
        "I destinatari non devono reidentificare, né tentare di reidentificare, le persone a cui si riferiscono i dati (articolo 61, paragrafo 3, del regolamento (UE) 2025/327). " +
          "Non devono comunicare i dati a nessuno che non sia indicato nella loro autorizzazione o nel loro accordo. " +
          "Non devono usarli per prendere decisioni che La riguardano, per pubblicità o marketing, né per qualsiasi uso vietato dalla legge.",
      ),
    },
    processingLocation: {
      heading: "Dove possono andare i Suoi dati",
      summary:
        "È Lei a scegliere dove possono avere sede le organizzazioni che ricevono i Suoi dati. " +
        "Possono trovarsi solo nell’UE e nel SEE, che aggiunge Islanda, Liechtenstein e Norvegia. " +
        "Oppure anche in Paesi che, secondo l’UE, proteggono bene i dati. " +
        "Verifichiamo il Paese di ogni destinatario.",
      fullText: paragraphs(
        "Questa scelta riguarda il Paese in cui è stabilita l’organizzazione destinataria, come indicato in ogni richiesta di trasmissione di dati. Donum verifica tale Paese rispetto alla Sua scelta prima di rispondere.",
        "Solo UE e SEE: destinatari stabiliti in uno Stato membro dell’Unione europea, oppure in Islanda, Liechtenstein o Norvegia (gli altri Paesi dello Spazio economico europeo). " +
          "Entrambe le opzioni comprendono i destinatari stabiliti in questi Paesi.",
        "UE e SEE, e Paesi con una decisione di adeguatezza: in aggiunta, destinatari stabiliti in un Paese per il quale la Commissione europea ha deciso, ai sensi dell’articolo 45 del GDPR, che garantisce un livello di protezione adeguato dei dati personali. " +
          "Ai fini di questo modulo, tali Paesi sono: Andorra, Argentina, Isole Fær Øer, Guernsey, Israele, Isola di Man, Giappone, Jersey, Nuova Zelanda, Repubblica di Corea, Svizzera, Regno Unito e Uruguay. " +
          "Canada e Stati Uniti non sono inclusi: le loro decisioni riguardano solo alcune organizzazioni, e Donum non può verificare quali.",
        "Se la Commissione revoca o sospende la decisione relativa a uno di questi Paesi, le trasmissioni ai destinatari stabiliti in quel Paese cessano. " +
          "Un Paese che ottiene una decisione in seguito sarà coperto solo quando avremo pubblicato una nuova versione di questo modulo e Lei l’avrà accettata.",
        "Un destinatario al di fuori dell’UE e del SEE resta vincolato dalla sua autorizzazione o dal suo accordo, e ogni ulteriore trasferimento dei dati deve rispettare le condizioni del capo V del GDPR.",
        "Donum stesso conserva la documentazione del Suo consenso solo nell’Unione europea e nello Spazio economico europeo.",
      ),
    },
    retention: {
      heading: "Per quanto tempo sono conservati i dati",
      summary:
        "I destinatari possono conservare i Suoi dati solo per il tempo necessario al loro progetto approvato. " +
        "Poi devono cancellarli. " +
        "Conserviamo la documentazione delle Sue scelte, e di ogni richiesta che La riguarda, finché dura il Suo consenso. " +
        "Dopo la fine del consenso, la conserviamo per altri dieci anni.",
      fullText: paragraphs(
        "Il Suo consenso vale finché Lei non lo revoca, oppure fino alla data che sceglie quando lo presta. " +
          "In quella data termina automaticamente, e dopo di essa non è consentita alcuna trasmissione, a meno che Lei non presti di nuovo il consenso.",
        "I destinatari possono conservare i dati che ricevono solo per il tempo necessario al loro progetto approvato, entro il periodo fissato nella loro autorizzazione ai dati o nel loro accordo. " +
          "Alla fine di tale periodo devono cancellarli oppure, se hanno lavorato in un ambiente di trattamento sicuro, il loro accesso termina. " +
          "Possono conservare i risultati della loro ricerca, come pubblicazioni, statistiche aggregate e modelli di IA addestrati.",
        "Donum conserva: il codice segreto che La rappresenta (mai il Suo numero di identificazione nazionale); ogni versione delle Sue scelte, con la versione del modulo e la lingua che Le sono state mostrate, l’impronta (hash) del testo esatto che ha accettato, il momento e il modo in cui ha prestato il consenso; " +
          "e una registrazione di ogni richiesta che La riguarda: quale nodo di imaging l’ha fatta, quando, per quali dati, finalità e destinatario, e quale è stata la risposta. " +
          "Queste registrazioni costituiscono una traccia di audit in cui qualsiasi manomissione sarebbe rilevabile e che le autorità di regolamentazione possono verificare.",
        "Conserviamo queste registrazioni finché esiste il Suo consenso e per dieci anni dopo che è terminato per revoca, scadenza o opt-out. " +
          "Ci servono per dimostrare a che cosa Lei ha acconsentito e che cosa è stato trasmesso su tale base (articolo 7, paragrafo 1, del GDPR), per tenere i registri previsti dall’articolo 20 dell’atto sulla governance dei dati e per accertare o difendere un diritto in sede giudiziaria; dieci anni corrispondono al termine generale di prescrizione delle azioni in Belgio, dove Donum è stabilito. " +
          "Trascorso tale periodo, cancelliamo le registrazioni che La riguardano. Restano solo le impronte crittografiche necessarie perché la traccia di audit resti verificabile.",
      ),
    },
    withdrawal: {
      heading: "Come cambiare idea",
      summary:
        "Può revocare il Suo consenso in qualsiasi momento, con un solo passaggio, gratuitamente. " +
        "Da quel momento nessun nuovo dato che La riguarda viene trasmesso. " +
        "La ricerca già svolta con dati condivisi in precedenza non può essere annullata.",
      fullText: paragraphs(
        "Può revocare il Suo consenso in qualsiasi momento, senza doverne indicare il motivo e gratuitamente, con un solo passaggio nel Suo account Donum. " +
          "Può anche chiederci di revocarlo per Suo conto scrivendo a contact@donum.example.org. " +
          "Revocare il consenso è facile quanto prestarlo (articolo 7, paragrafo 3, del GDPR; articolo 21, paragrafo 3, dell’atto sulla governance dei dati).",
        "Ogni trasmissione dei Suoi dati viene prima verificata con Donum. " +
          "Dal momento in cui la Sua revoca è registrata, ogni verifica dà esito negativo, quindi nessun nuovo dato che La riguarda viene trasmesso. " +
          "Informiamo inoltre i nodi di imaging della Sua revoca.",
        "La revoca non pregiudica la liceità di quanto è stato fatto sulla base del Suo consenso prima della revoca (articolo 7, paragrafo 3, del GDPR). " +
          "Non può annullare ricerche già svolte, risultati già pubblicati o modelli di IA già addestrati o validati con i Suoi dati; non è possibile far dimenticare a un modello addestrato i dati da cui ha imparato. " +
          "Donum non può richiamare né cancellare dati che sono già stati trasmessi. " +
          "Un destinatario che detiene ancora i Suoi dati può continuare a usarli solo se la legge gli fornisce una base diversa dal Suo consenso.",
        "Può anche modificare le Sue scelte in qualsiasi momento, ad esempio per escludere gli usi di IA o i destinatari commerciali, o per condividere meno dati. " +
          "Ogni modifica si applica allo stesso modo dalla verifica successiva.",
        "Se ha scelto una data di fine, il Suo consenso termina automaticamente in quella data. " +
          "Dopo una revoca o una data di fine, può prestare di nuovo il consenso; il nuovo consenso si applica da quel momento in poi.",
        "L’opt-out da qualsiasi uso secondario nell’ambito dello spazio europeo dei dati sanitari è un diritto distinto. La revoca di questo consenso pone fine soltanto a questo consenso. " +
          "Ai sensi dell’articolo 71 del regolamento sullo spazio europeo dei dati sanitari (regolamento (UE) 2025/327), Lei ha anche il diritto di opporsi (opt-out), in qualsiasi momento e senza fornire motivazioni, all’uso secondario dei Suoi dati sanitari elettronici ai sensi di tale regolamento, cioè al loro uso, senza il Suo consenso, per finalità quali la ricerca, l’innovazione e l’elaborazione delle politiche, reso possibile tramite gli organismi responsabili dell’accesso ai dati sanitari. " +
          "Il Suo Stato membro deve offrirLe un modo semplice per farlo, e Lei può tornare sulla Sua decisione. La legislazione di tale Stato può prevedere eccezioni limitate per determinate finalità di interesse pubblico.",
        "Può anche registrare un opt-out in Donum. L’opt-out pone fine a questo consenso, ogni verifica dà poi esito negativo, e resta valido finché Lei non presta di nuovo il consenso. " +
          "Un opt-out registrato in Donum si applica alle trasmissioni tramite Donum; per opporsi all’uso secondario tramite gli organismi responsabili dell’accesso ai dati sanitari, utilizzi il meccanismo di opt-out del Suo Stato membro.",
      ),
    },
    rights: {
      heading: "I Suoi diritti",
      summary:
        "Può vedere i Suoi dati, correggerli, farli cancellare o limitarne l’uso, e averne una copia. " +
        "Può vedere ogni richiesta che La riguarda. " +
        "Può scaricare una ricevuta del Suo consenso. " +
        "Se qualcosa non La convince, può presentare reclamo a un’autorità per la protezione dei dati.",
      fullText: paragraphs(
        "Ai sensi del GDPR, Lei ha il diritto di: " +
          "accedere ai Suoi dati personali e riceverne una copia (articolo 15); " +
          "ottenere la rettifica dei dati inesatti (articolo 16); " +
          "ottenere la cancellazione dei Suoi dati (articolo 17); " +
          "ottenere la limitazione del loro trattamento (articolo 18); " +
          "ricevere i dati che ha fornito in un formato strutturato e leggibile da dispositivo automatico, e farli trasmettere a un’altra organizzazione (portabilità dei dati, articolo 20); e " +
          "opporsi al trattamento basato sull’interesse pubblico o su interessi legittimi, compresi alcuni trattamenti a fini di ricerca scientifica (articolo 21). " +
          "Per la condivisione a cui si riferisce questo modulo, che si basa sul Suo consenso, il modo per opporsi è revocare il consenso o modificare le Sue scelte.",
        "Alcuni diritti hanno dei limiti. Non possiamo cancellare la registrazione del Suo consenso e delle richieste che La riguardano finché siamo tenuti a conservarla, come spiegato in «Per quanto tempo sono conservati i dati» (articolo 17, paragrafo 3, lettere b) ed e), del GDPR). " +
          "I destinatari hanno solo dati pseudonimizzati e non possono sapere quali dati sono i Suoi, quindi potrebbero non essere in grado di dare seguito a una richiesta rivolta direttamente a loro (articolo 11 del GDPR); La aiuteremo a rivolgersi ai nodi di imaging, che invece possono farlo.",
        "La ricevuta del Suo consenso: ogni volta che presta, modifica o revoca il consenso, può scaricare una ricevuta che riporta che cosa ha scelto, la versione del modulo e la lingua, e l’impronta (hash) del testo esatto che ha accettato.",
        "«Chi ha chiesto di me»: nel Suo account Donum può vedere ogni richiesta che un nodo di imaging ha fatto su di Lei, con l’ora, il nodo, i dati, la finalità, il destinatario e la risposta.",
        "Per esercitare i Suoi diritti, utilizzi il Suo account Donum o scriva al nostro responsabile della protezione dei dati all’indirizzo dpo@donum.example.org. " +
          "Rispondiamo entro un mese; per richieste complesse possiamo prorogare questo termine di altri due mesi e Le spiegheremo il motivo (articolo 12, paragrafo 3, del GDPR). " +
          "L’esercizio dei Suoi diritti è gratuito.",
        "Ha il diritto di proporre reclamo a un’autorità di controllo per la protezione dei dati, in particolare nello Stato membro in cui vive o lavora o in cui ritiene che sia stata violata la legge (articolo 77 del GDPR). " +
          "L’autorità capofila per Donum è l’Autorità belga per la protezione dei dati. " +
          "Può anche presentare reclamo nei confronti di Donum, in quanto organizzazione per l’altruismo dei dati, all’autorità competente per la registrazione delle organizzazioni per l’altruismo dei dati (articolo 27 dell’atto sulla governance dei dati), e può rivolgersi a un giudice (articolo 79 del GDPR).",
      ),
    },
  },
  choices: {
    dataCategories: {
      "imaging.ct": "TC (tomografia computerizzata)",
      "imaging.mr": "Risonanza magnetica (RM)",
      "imaging.pet": "PET (tomografia a emissione di positroni)",
      "imaging.mammography": "Mammografie (radiografie del seno)",
      "imaging.ultrasound": "Ecografie",
      "imaging.radiography": "Radiografie (immagini a raggi X), diverse dalle mammografie",
      "imaging.digital-pathology": "Vetrini di patologia digitale (immagini al microscopio digitalizzate di campioni di tessuto)",
      "report.radiology": "Referti radiologici (il referto scritto del medico sulle Sue immagini)",
      "report.pathology": "Referti di anatomia patologica (il referto scritto sui Suoi campioni di tessuto)",
      "clinical.history": "Storia clinica (diagnosi, malattie precedenti, età, sesso, altezza e peso)",
      "clinical.treatment-outcomes": "Trattamenti ed esiti (i trattamenti che ha ricevuto e l’evoluzione della Sua malattia)",
      genomics: "Dati genomici (informazioni ricavate dal DNA del Suo tumore o dal Suo DNA ereditario)",
    },
    research: {
      GRU: "Qualsiasi tipo di ricerca (uso per la ricerca generale, GRU)",
      HMB: "Solo ricerca sanitaria, medica e biomedica (HMB)",
      DS: "Solo ricerca sui tumori che seleziono (specifica per malattia, DS)",
    },
    diseases: {
      "MONDO:0004992": "Qualsiasi tipo di cancro",
      "MONDO:0008903": "Tumore del polmone",
      "MONDO:0007254": "Tumore della mammella",
      "MONDO:0008315": "Tumore della prostata",
      "MONDO:0005575": "Tumore del colon-retto (intestino)",
      "MONDO:0005192": "Tumore del pancreas",
      "MONDO:0007256": "Tumore del fegato (carcinoma epatocellulare)",
      "MONDO:0001657": "Tumore cerebrale",
      "MONDO:0008170": "Tumore dell’ovaio",
      "MONDO:0005105": "Melanoma (un tumore della pelle)",
      "MONDO:0005062": "Linfoma",
    },
    aiUses: {
      AI_TRAINING: "Addestramento di modelli di IA: i miei dati possono essere usati per costruire (istruire) modelli informatici",
      AI_VALIDATION:
        "Test di modelli di IA: i miei dati possono essere usati per verificare quanto bene funziona un modello informatico esistente",
    },
    recipientTypes: {
      public: "Enti pubblici di ricerca, come università, ospedali pubblici e istituti pubblici di ricerca",
      non_profit: "Organizzazioni senza scopo di lucro, come fondazioni, enti di beneficenza e associazioni di pazienti",
      commercial: "Imprese commerciali, come produttori di software medico, strumenti di IA, dispositivi medici o farmaci",
    },
    geography: {
      EU_EEA: "Solo destinatari con sede nell’UE o nel SEE (i Paesi dell’UE, Islanda, Liechtenstein e Norvegia)",
      EU_EEA_ADEQUACY:
        "Destinatari con sede nell’UE o nel SEE, e anche nei Paesi con una decisione di adeguatezza indicati in questo modulo",
    },
    mayRecontact:
      "I progetti che prevedono di ricontattarmi, tramite l’ospedale che conserva i miei dati, possono usare i miei dati",
    wantsFindings: "Desidero ricevere informazioni su risultati che potrebbero essere importanti per la mia salute, quando possibile",
  },
  declaration:
    "Ho letto questo modulo. Do il mio consenso esplicito alla condivisione dei dati che ho scelto per la ricerca, gli usi, i destinatari, i luoghi e il periodo che ho scelto, come descritto sopra. " +
    "So che posso modificare o revocare il mio consenso in qualsiasi momento e che ciò non avrà conseguenze sulle mie cure.",
};
