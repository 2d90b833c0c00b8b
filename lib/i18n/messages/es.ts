/**
 * Spanish (es). Register: "usted". Terminology as in the Spanish consent form
 * (lib/consent/forms/cancer-imaging-v1.es.ts): dar / retirar el consentimiento, exclusión voluntaria
 * (opt-out) del uso secundario, Espacio Europeo de Datos de Salud, altruismo de datos, organización
 * de altruismo de datos, Reglamento de Gobernanza de Datos, RGPD, nodo de imagen, cesión / ceder
 * (release), destinatario, seudonimizado, huella, justificante, «Quién ha preguntado por mí».
 */
import type { Messages } from "./en";

export const es: Messages = {
  meta: {
    title: "Donum — done sus datos de imagen para la investigación del cáncer",
    description:
      "Donum es el portal de consentimiento y altruismo de datos de una federación europea de imagen oncológica. " +
      "Decida si sus pruebas de imagen pueden usarse para investigar el cáncer, en sus propios términos, y retire su consentimiento en cualquier momento.",
    signIn: "Iniciar sesión — Donum",
    myConsent: "Mi consentimiento — Donum",
    consent: "Consentimiento — Donum",
    history: "Historial — Donum",
    lookups: "Quién ha preguntado por mí — Donum",
    receipt: "Justificante de consentimiento — Donum",
    form: "Formulario de consentimiento — Donum",
  },
  common: {
    skipToContent: "Ir al contenido principal",
    home: "Donum — inicio",
    language: "Idioma",
    changeLanguage: "Cambiar idioma",
    mainNavigation: "Menú principal",
    back: "Volver",
    networkError: "sin conexión con Donum",
  },
  account: {
    signIn: "Iniciar sesión",
    signedInAs: "Sesión iniciada como",
    signOut: "Cerrar sesión",
    regionLabel: "Su cuenta",
  },
  footer: {
    operator: "Donum está gestionado por una organización de altruismo de datos registrada conforme al Reglamento de Gobernanza de Datos de la UE.",
    status: "Estado del servicio (salud de la API)",
  },
  home: {
    eyebrow: "Altruismo de datos para la investigación del cáncer",
    title: "Ayude a la investigación del cáncer con sus pruebas de imagen, en sus propios términos",
    lead:
      "Donum le permite decidir si las imágenes y los informes que los hospitales ya tienen sobre usted pueden utilizarse para mejorar " +
      "la atención del cáncer, y de qué forma. Es voluntario y no remunerado, y puede cambiar de opinión en cualquier momento.",
    getStarted: {
      signIn: "Iniciar sesión con su eID nacional",
      help: "Usted inicia sesión con la identidad electrónica de su país. Donum nunca almacena su número de identificación nacional.",
    },
    altruism: {
      title: "¿Qué es el altruismo de datos?",
      intro:
        "El altruismo de datos consiste en decidir compartir datos sobre uno mismo por el bien de la sociedad. El Reglamento de Gobernanza " +
        "de Datos de la UE fija las normas: las organizaciones que recogen datos de esta forma deben estar registradas, actuar sin ánimo " +
        "de lucro y explicarle con claridad para qué se usarán sus datos.",
      items: {
        voluntary: {
          title: "Voluntario",
          detail: "Solo si usted dice que sí. Puede decir que no, o dejarlo más adelante, sin dar explicaciones.",
        },
        unpaid: {
          title: "Sin pago",
          detail: "Usted regala sus datos: nadie le paga por ellos.",
        },
        generalInterest: {
          title: "De interés general",
          detail: "Para investigación que beneficia a todos; en este caso, un mejor diagnóstico y tratamiento del cáncer.",
        },
      },
    },
    howItWorks: {
      title: "Qué pasa con sus imágenes",
      intro:
        "Donum forma parte de una federación europea de hospitales que pone la imagen oncológica a disposición de la investigación. " +
        "Donum nunca guarda sus imágenes: guarda sus decisiones.",
      steps: {
        scansStay: {
          title: "Sus imágenes se quedan en el hospital",
          detail:
            "Los hospitales de la federación guardan sus imágenes en sus propios nodos de imagen: TC, RM, PET, mamografías, ecografías, radiografías y preparaciones de patología digital, con sus informes.",
        },
        pseudonymised: {
          title: "Los investigadores solicitan datos seudonimizados",
          detail:
            "Investigadores y desarrolladores de herramientas de IA los utilizan para mejorar la detección y el tratamiento del cáncer. Su nombre y sus números de identificación se sustituyen por un código; los datos siguen protegidos como datos personales por el RGPD.",
        },
        consentChecked: {
          title: "Su consentimiento se comprueba primero, siempre",
          detail:
            "Antes de ceder nada, el hospital pregunta a Donum si sus decisiones permiten esta cesión, para este fin y a este destinatario. Si usted no ha dicho que sí, la respuesta es no.",
        },
        signedAnswer: {
          title: "El hospital guarda la respuesta firmada",
          detail: "Donum firma cada respuesta. El hospital la conserva como prueba de por qué se cedieron datos, o de por qué no se cedieron.",
        },
      },
    },
    control: {
      title: "Lo que usted decide",
      intro: "Usted decide cada aspecto y puede cambiar cualquier elección más adelante.",
      items: {
        dataKinds: {
          title: "Qué tipos de datos",
          detail:
            "Imágenes por tipo (TC, RM, PET, mamografía, ecografía, radiografía, patología digital) y los informes que las acompañan.",
        },
        research: {
          title: "Para qué investigación",
          detail: "Cualquier investigación, solo investigación en salud o solo investigación sobre los tipos de cáncer que usted elija.",
        },
        ai: {
          title: "Si la IA puede aprender de ellos",
          detail: "Diga sí o no a entrenar modelos de IA con sus datos y, por separado, a probarlos (validarlos) con ellos.",
        },
        recipients: {
          title: "Quién puede recibirlos",
          detail: "Organismos públicos de investigación, organizaciones sin ánimo de lucro, empresas: la combinación que usted elija.",
        },
        where: {
          title: "Adónde pueden ir",
          detail: "Solo dentro de la UE y el EEE, o también a países que, según la UE, protegen los datos tan bien como ella.",
        },
        period: {
          title: "Durante cuánto tiempo",
          detail: "Hasta que usted retire su consentimiento, o hasta la fecha que elija.",
        },
        withdraw: {
          title: "Retirarlo en cualquier momento, en un solo paso",
          detail:
            "Una sola acción, y no se permite ninguna cesión nueva: cada solicitud se comprueba con su última decisión. No deshace las cesiones hechas antes.",
        },
        optOut: {
          title: "Excluirse de todo uso secundario",
          detail:
            "Diga no a cualquier reutilización de sus datos de salud para investigación, innovación o formulación de políticas: un derecho que le otorga el Espacio Europeo de Datos de Salud.",
        },
        lookups: {
          title: "Ver quién ha preguntado por usted",
          detail: "Cada vez que un hospital preguntó si podía compartir sus datos, y la respuesta que recibió.",
        },
        receipt: {
          title: "Descargar un justificante firmado",
          detail: "Una copia exacta de lo que usted aceptó, con las palabras y en el idioma que se le mostraron, que cualquiera puede comprobar.",
        },
      },
    },
    trust: {
      title: "Cómo se gana Donum su confianza",
      intro:
        "Las promesas no bastan. Estas garantías permiten a los hospitales, a las autoridades reguladoras y a usted comprobar que Donum " +
        "hace lo que dice, en lugar de creerle sin más.",
      points: {
        signedDecisions: {
          title: "Decisiones firmadas",
          detail:
            "Cada sí o no que Donum da a un hospital está firmado digitalmente. No puede modificarse después sin que se note, y el hospital puede comprobarlo por su cuenta.",
        },
        auditTrail: {
          title: "Una pista de auditoría pública en la que cualquier manipulación es detectable",
          detail:
            "Cada cambio en su consentimiento y cada respuesta de Donum quedan anotados en un registro diseñado para que cualquier modificación o eliminación posterior se detecte. Las autoridades reguladoras lo exportan y lo verifican por sí mismas.",
        },
        nationalId: {
          title: "Su número de identificación nacional nunca se almacena",
          detail:
            "En cuanto su número de identificación llega a Donum, se convierte de inmediato en un seudónimo calculado con una clave secreta: un código que no permite recuperar su número. El número en sí nunca se almacena, se registra ni se muestra.",
        },
      },
    },
  },
  signin: {
    heading: "Iniciar sesión en Donum",
    intro:
      "Donum utiliza la identidad electrónica nacional (eID) de su país para saber que es usted. Saldrá de este sitio para iniciar sesión " +
      "con su eID y después volverá aquí.",
    privacy:
      "Donum no guarda su número de identificación nacional. Lo convierte de inmediato en un código que solo Donum puede volver a calcular, " +
      "y almacena únicamente ese código junto con sus decisiones.",
    button: "Iniciar sesión con su eID nacional",
    busy: "Le estamos llevando a su eID…",
    devNoticeTitle: "Inicio de sesión de desarrollo: solo cuentas de demostración",
    devNoticeBody:
      "Esta instalación utiliza el inicio de sesión de desarrollo incluido, no una eID real. Elegirá a una de las personas de demostración; " +
      "nada de lo que haga aquí afecta a una persona real.",
    errorTitle: "No ha iniciado sesión",
    errors: {
      NoPersonIdentifier:
        "Su eID no ha facilitado a Donum un número de identificación nacional utilizable, por lo que Donum no puede saber de quién es este " +
        "consentimiento. Inténtelo de nuevo con una eID nacional que incluya su identificador personal.",
      NoSubject: "El inicio de sesión con su eID no se completó correctamente. Inténtelo de nuevo.",
      DevProviderInProduction: "Este inicio de sesión procede de un proveedor de identidad de desarrollo, que este portal no acepta.",
      AccessDenied: "El inicio de sesión se canceló o fue rechazado.",
      OAuthCallback: "El inicio de sesión se canceló o su proveedor de eID no pudo confirmar su identidad. Inténtelo de nuevo.",
      Callback: "El inicio de sesión se canceló o su proveedor de eID no pudo confirmar su identidad. Inténtelo de nuevo.",
      OAuthSignin: "Donum no pudo conectar con el servicio de inicio de sesión eID. Inténtelo de nuevo dentro de unos minutos.",
      SessionRequired: "Inicie sesión para ver esa página.",
      Default: "El inicio de sesión no ha funcionado. Inténtelo de nuevo.",
    },
  },
  nav: {
    myConsent: "Mi consentimiento",
    history: "Historial",
    lookups: "Quién ha preguntado por mí",
    regulator: "Espacio de auditoría",
    operatorForms: "Formularios de consentimiento",
    operatorNodes: "Nodos de imagen",
  },
  consent: {
    title: "Dar su consentimiento",
    amendTitle: "Cambiar su consentimiento",
    reconsentTitle: "Renueve su consentimiento",
    stepsLabel: "Pasos",
    step: {
      read: "Leer",
      choose: "Elegir",
      review: "Revisar",
      confirm: "Confirmar",
    },
    stepCounter: "Paso {current} de {total}",
    read: {
      intro: "Lea de qué se trata. Cada parte tiene un breve resumen; el texto completo está a un solo clic.",
      fullText: "Leer el texto completo",
      continue: "Continuar con sus opciones",
      languageFallback: "Este formulario aún no está disponible en su idioma; se muestra en este idioma: {language}.",
      formVersion: "Formulario de consentimiento, versión {version}",
    },
    choose: {
      intro: "Elija exactamente lo que permite. Todo lo que no elija no estará permitido.",
      dataCategories: "¿Qué datos suyos se pueden usar?",
      groupImaging: "Imágenes (pruebas de imagen)",
      groupReports: "Informes",
      groupClinical: "Información clínica",
      groupGenomics: "Información genética",
      research: "¿Para qué investigación?",
      diseases: "¿Qué tipos de cáncer?",
      aiUses: "¿Pueden los modelos de inteligencia artificial (IA) aprender de sus datos?",
      aiUsesHint: "Deje ambas casillas sin marcar si no quiere que sus datos se usen para IA.",
      recipients: "¿Quién puede recibir sus datos?",
      geography: "¿Dónde pueden tener su sede quienes los reciban?",
      period: "¿Durante cuánto tiempo?",
      untilWithdrawn: "Hasta que retire mi consentimiento",
      untilDate: "Hasta la fecha que yo elija",
      endDate: "Fecha de finalización",
      conditions: "Sus preferencias",
      continue: "Revisar mis opciones",
    },
    errors: {
      dataCategories: "Elija al menos un tipo de datos.",
      diseases: "Elija al menos un tipo de cáncer.",
      recipientTypes: "Elija al menos un tipo de destinatario.",
      research: "Elija para qué investigación se pueden usar sus datos.",
      geography: "Elija dónde pueden tener su sede los destinatarios.",
      endDate: "Indique una fecha de finalización futura.",
      period: "Elija durante cuánto tiempo es válido su consentimiento.",
      generic: "Revise esta respuesta.",
      summary: "Algunas respuestas requieren su atención:",
    },
    review: {
      intro: "Revise sus opciones. Esto es exactamente lo que su consentimiento permitirá, y lo que no.",
      permitted: "Lo que se permitirá",
      notPermitted: "Lo que no se permitirá",
      change: "Cambiar mis opciones",
      data: "Datos",
      research: "Investigación",
      ai: "IA",
      recipients: "Destinatarios",
      where: "Dónde",
      until: "Hasta",
      untilWithdrawn: "hasta que usted lo retire",
      untilDate: "hasta el {date}",
      noAi: "Ningún uso para modelos de IA",
      recontact: "Los proyectos pueden volver a contactar con usted a través de su hospital",
      noRecontact: "Ningún proyecto puede volver a contactar con usted",
      findings: "Desea que se le informe de hallazgos importantes para su salud",
      continue: "Continuar",
    },
    confirm: {
      declarationHeading: "Su declaración",
      give: "Doy mi consentimiento",
      save: "Guardar mis nuevas opciones",
      saving: "Guardando…",
      failed: "No se ha podido guardar su consentimiento: {message}",
      conflict: "Su consentimiento se ha modificado en otra ventana. Vuelva a cargar la página para ver la versión más reciente.",
      outdated: "Mientras leía se ha publicado una nueva versión del formulario de consentimiento. Vuelva a cargar la página para leerla antes de decidir.",
      unexpected: "Algo ha fallado (código {code}). Inténtelo de nuevo.",
    },
    done: {
      title: "Gracias. Su consentimiento se ha guardado.",
      body: "A partir de ahora, cada hospital pregunta a Donum antes de ceder sus datos y recibe una respuesta que sigue sus decisiones.",
      receipt: "Ver y descargar su justificante",
      myConsent: "Ir a mi consentimiento",
    },
  },
  formPage: {
    title: "{title}, versión {version}",
    published: "Publicado el {date}",
    material:
      "Esta versión cambia condiciones importantes: los consentimientos dados con versiones anteriores deben renovarse para que las cubran.",
    textHash: "Huella de este texto (SHA-256)",
    languages: "Esta versión en otros idiomas",
    organisation: "Organización de altruismo de datos",
  },
  notFound: {
    title: "Esta página no existe",
    body: "Puede que la dirección esté mal escrita o que la página se haya trasladado.",
    home: "Ir a la página de inicio",
  },
  me: {
    title: "Mi consentimiento",
    none: "No ha dado su consentimiento. No se cede nada sobre usted para investigación.",
    give: "Dar mi consentimiento",
    status: {
      active: "Activo",
      withdrawn: "Retirado",
      expired: "Vencido",
      opted_out: "Exclusión voluntaria de todo uso secundario",
      none: "Sin consentimiento",
    },
    statusLabel: "Estado",
    since: "Último cambio: {date}",
    formVersion: "Dado con la versión {version} del formulario ({language})",
    amend: "Cambiar mis opciones",
    withdraw: "Retirar mi consentimiento",
    withdrawHelp:
      "Un solo paso, en cualquier momento. Desde la siguiente consulta, se rechaza toda cesión. La investigación ya realizada con datos cedidos antes no se puede deshacer.",
    withdrawn: "Su consentimiento está retirado. A partir de ahora, ningún hospital puede ceder sus datos.",
    optOut: "Excluirme de todo uso secundario",
    optOutHelp:
      "El Espacio Europeo de Datos de Salud le permite excluirse de cualquier reutilización de sus datos de salud para investigación, innovación o formulación de políticas. Esto también pone fin a este consentimiento.",
    optedOut: "Se ha excluido. No se permite ninguna cesión para uso secundario.",
    giveAgain: "Volver a dar mi consentimiento",
    reconsent:
      "Una nueva versión del formulario de consentimiento cambia condiciones importantes. Su consentimiento sigue cubriendo solo lo que aceptó antes; renuévelo para que cubra las nuevas condiciones.",
    reconsentAction: "Leer y renovar",
    expired: "Su consentimiento terminó en su fecha de finalización. Ya no se cede nada.",
    receipt: "Justificante",
    history: "Historial",
    lookups: "Quién ha preguntado por mí",
    actionFailed: "No ha funcionado: {message}",
  },
  history: {
    title: "Historial de su consentimiento",
    intro: "Cada cambio, del más antiguo al más reciente, con el texto exacto del formulario que se le mostró.",
    empty: "Todavía no hay historial.",
    action: {
      granted: "Consentimiento dado",
      amended: "Consentimiento modificado",
      withdrawn: "Consentimiento retirado",
      opted_out: "Exclusión voluntaria",
    },
    version: "Versión {version}",
    form: "Formulario {formId}, versión {version}, idioma {language}",
    textHash: "Huella del texto (SHA-256)",
    compare: "Comparar dos versiones",
    compareFrom: "Desde",
    compareTo: "Hasta",
    compareButton: "Comparar",
    changed: "Cambiado",
    unchanged: "Sin cambios",
    nothing: "nada",
  },
  lookups: {
    title: "Quién ha preguntado por mí",
    intro: "Cada vez que el nodo de imagen de un hospital preguntó a Donum si podía ceder sus datos, y la respuesta que recibió.",
    empty:
      "Nadie ha preguntado por usted todavía. Cuando un hospital pregunte si puede ceder sus datos, la pregunta y la respuesta de Donum aparecerán aquí.",
    organisation: "Organización",
    time: "Cuándo",
    purpose: "Fin",
    recipient: "Destinatario",
    permit: "Permitido",
    deny: "Denegado",
  },
  proof: {
    summary: "Prueba de que esto está registrado",
    heading: "Prueba de inclusión en el registro",
    intro:
      "Esta consulta está anotada en un registro público que Donum no puede reescribir sin que se note. " +
      "Pulse el botón y su navegador lo comprobará por sí mismo, usando solo lo que se muestra aquí y las claves publicadas de Donum.",
    regulatorIntro:
      "La prueba de inclusión de la entrada frente al último punto de control firmado (RFC 9162). La comprobación se hace solo en este navegador: " +
      "calcula la huella de la entrada, pliega la prueba hasta la raíz y verifica la firma del punto de control con las claves publicadas en /.well-known/jwks.json.",
    withheld:
      "Esta entrada se refiere a una persona, así que no se muestra su texto completo (con su clave seudónima). " +
      "La comprobación parte de la huella de la entrada tal como la indica Donum.",
    pending: "Aún no está en un punto de control firmado; las entradas se añaden en menos de un minuto. Vuelva a cargar la página para ver la prueba.",
    seq: "Posición en el registro",
    leafHash: "Huella de la entrada",
    path: "Huellas de la prueba (la más cercana primero)",
    noPath: "Ninguna: el registro solo contenía esta entrada",
    treeSize: "Entradas en el punto de control firmado",
    rootHash: "Huella raíz del registro",
    time: "Firma del punto de control",
    entry: "Mostrar la entrada tal como se registró (JSON canónico)",
    jws: "Mostrar el punto de control firmado de Donum (JWS)",
    check: "Comprobar en este navegador",
    checking: "Comprobando…",
    steps: "Pasos de la comprobación",
    hashes: {
      one: "{count} huella de prueba",
      other: "{count} huellas de prueba",
    },
    entries: {
      one: "{count} entrada",
      other: "{count} entradas",
    },
    result: {
      ok: "Incluida en el registro: la huella de la entrada, {hashes} y el punto de control firmado de Donum con {entries} coinciden.",
      okGiven:
        "Incluida en el registro: la huella indicada de la entrada, {hashes} y el punto de control firmado de Donum con {entries} coinciden. " +
        "La huella de la entrada no se ha vuelto a calcular, porque su texto no se muestra aquí.",
      failed: "No confirmado. Este paso ha fallado: {step}. {reason}",
      error: "Su navegador no ha podido hacer la comprobación. Inténtelo de nuevo o use otro navegador.",
    },
    step: {
      entry: "La huella de la entrada",
      checkpoint: "El punto de control de Donum",
      proof: "Las huellas de la prueba",
      signature: "La firma de Donum",
    },
    stepStatus: {
      passed: "comprobación superada",
      failed: "comprobación fallida",
      skipped: "comprobación no realizada",
      given: "valor tomado tal como lo indica Donum",
    },
    failure: {
      ENTRY_MALFORMED: "No se ha podido leer el texto de la entrada.",
      ENTRY_SEQ_MISMATCH: "El texto de la entrada indica otra posición en el registro que la prueba.",
      LEAF_MISMATCH: "La huella del texto de la entrada no es aquella de la que parte la prueba: es posible que la entrada se haya modificado.",
      CHECKPOINT_MALFORMED: "No se ha podido leer el punto de control firmado.",
      TREE_SIZE_MISMATCH: "La prueba es para un registro de otro tamaño que el del punto de control firmado.",
      PROOF_MALFORMED: "Las huellas de la prueba no corresponden a esta posición ni a este tamaño del registro.",
      ROOT_MISMATCH: "Las huellas de la prueba no llevan a la huella raíz del punto de control firmado.",
      SIGNATURE_UNSUPPORTED: "El punto de control no está firmado como Donum firma sus puntos de control.",
      UNKNOWN_KEY: "El punto de control se firmó con una clave que no está entre las claves publicadas de Donum.",
      BAD_SIGNATURE: "La firma de Donum en el punto de control no coincide con sus claves publicadas.",
      JWKS_UNAVAILABLE: "No se han podido obtener las claves publicadas de Donum. Compruebe su conexión e inténtelo de nuevo.",
    },
  },
  receipt: {
    title: "Su justificante de consentimiento",
    intro:
      "Este justificante recoge lo que eligió, cuándo y exactamente qué texto del formulario de consentimiento leyó. " +
      "Donum lo ha firmado, de modo que cualquiera puede comprobar que no ha cambiado desde entonces.",
    print: "Imprimir o guardar como PDF",
    download: "Descargar el justificante firmado (JWS)",
    downloadHelp: "El justificante firmado es un archivo que un ordenador puede comprobar. Guárdelo con sus documentos.",
    none: "Todavía no ha dado ni registrado ningún consentimiento, así que no hay justificante que mostrar.",
    labelsLanguageNote: "Las opciones siguientes se muestran con las palabras del formulario que leyó.",
    status: {
      heading: "Estado",
      value: {
        active: "Su consentimiento está activo",
        expired: "Su consentimiento ha terminado: su fecha de finalización ha pasado",
        withdrawn: "Retiró su consentimiento",
        opted_out: "Se excluyó de todo uso secundario de sus datos de salud",
        superseded: "Este cambio fue sustituido por otro posterior",
      },
      action: {
        granted: "Dio su consentimiento",
        amended: "Cambió su consentimiento",
        withdrawn: "Retiró su consentimiento",
        opted_out: "Se excluyó",
      },
      what: "Qué recoge este justificante",
      when: "Cuándo",
      position: "Cambio {position} de {of} en su historial",
      how: "Cómo",
      method: {
        web: "En línea, en el portal de Donum",
        operatorAssisted: "Con la ayuda del personal de Donum",
      },
    },
    scope: {
      heading: "Lo que usted aceptó",
      nothing: "Nada: este justificante recoge que no se puede compartir ningún dato sobre la base de su consentimiento.",
      service: "Formulario de consentimiento",
      research: "Tipo de investigación",
      diseases: "Solo investigación sobre",
      ai: "Inteligencia artificial (IA)",
      noAi: "Ningún uso de IA",
      data: "Datos que se pueden compartir",
      recipients: "Quién puede recibirlos",
      where: "Dónde pueden estar los destinatarios",
      countries: "Países: {countries}",
      until: "Hasta cuándo",
      untilWithdrawn: "Hasta que usted lo retire",
      conditions: "Otras opciones",
      yes: "Sí",
      no: "No",
      codes: "Códigos: {codes}",
      consentType: "Tipo de consentimiento: explícito (artículo 9, apartado 2, letra a), del RGPD)",
    },
    withdraw: {
      heading: "Cómo retirar o cambiar su consentimiento",
      manage: "Cambiar o retirar su consentimiento",
    },
    controller: {
      heading: "Quién custodia su consentimiento",
      name: "Responsable del tratamiento",
      address: "Dirección",
      registration: "Registro",
      email: "Contacto",
      dpo: "Delegado de protección de datos",
      website: "Sitio web",
    },
    notice: {
      heading: "El texto que aceptó",
      none: "Esto se registró sin que leyera un formulario de consentimiento, por lo que no hay ningún texto de formulario vinculado.",
      form: "Formulario",
      version: "Versión",
      language: "Idioma",
      hash: "Huella del texto (SHA-256)",
      hashHelp: "La huella cambia aunque solo cambie un carácter del texto, así que demuestra qué palabras leyó.",
      read: "Leer esta versión del formulario",
    },
    about: {
      heading: "Sobre este justificante",
      receiptId: "Número de justificante",
      consentReference: "Referencia del consentimiento",
      consentReferenceHelp: "Indique esta referencia si se pone en contacto con nosotros. No revela quién es usted.",
      issued: "Fecha de emisión",
      jurisdiction: "Legislación aplicable",
      sensitive: "Categorías especiales de datos (artículo 9 del RGPD)",
      spi: {
        health: "Datos de salud",
        genetic: "Datos genéticos",
      },
      standard: "Formato",
      key: "Clave de firma",
      keys: "Claves públicas de Donum",
    },
    jws: {
      heading: "Justificante firmado",
      show: "Mostrar el justificante firmado (JWS)",
    },
  },
  regulator: {
    meta: "Actividad del registro de auditoría — Donum",
    title: "Actividad del registro de auditoría",
    intro:
      "Cambios de consentimiento y comprobaciones de consentimiento tal como constan en el registro de auditoría. Los días son días UTC. " +
      "Las entradas no muestran claves de personas: usted ve qué se decidió y qué nodo lo pidió, no sobre quién.",
    filter: {
      heading: "Filtro",
      from: "Desde (día UTC)",
      to: "Hasta (día UTC, incluido)",
      type: "Tipo de evento",
      node: "Nodo de imagen",
      decision: "Decisión",
      any: "Cualquiera",
      apply: "Aplicar el filtro",
      reset: "Borrar el filtro",
      invalid: "Algunos valores del filtro no se pudieron leer y se sustituyeron por sus valores predeterminados: {fields}.",
    },
    truncated: "Este periodo tiene más de {max} entradas: solo se cuentan las anteriores a {time}. Elija un periodo más corto para verlas todas.",
    tableRegion: "{name} (tabla; se desplaza lateralmente en una pantalla estrecha)",
    consents: {
      heading: "Cambios de consentimiento por día",
      desc: "Barras apiladas, una por día UTC del {from} al {to}, de consentimientos otorgados, modificados, retirados y exclusiones voluntarias; cada tipo tiene su propio patrón. El día con más actividad tuvo {max} cambios. La tabla de abajo tiene las mismas cifras.",
      day: "Día (UTC)",
      total: "Total",
    },
    decisions: {
      heading: "Decisiones por nodo",
      desc: "Pares de barras para cada nodo de imagen: autorizaciones (rellenas) y denegaciones (rayadas), con el número escrito al final de cada barra. La tabla de abajo tiene las mismas cifras.",
      node: "Nodo",
      empty: "No hubo decisiones en este periodo.",
    },
    denyRate: {
      heading: "Tasa de denegación",
      desc: "Una barra por nodo de imagen y otra para todos los nodos juntos: la proporción de decisiones que fueron denegaciones, escrita como porcentaje al final de cada barra. La tabla de abajo tiene las mismas cifras.",
      overall: "Todos los nodos",
      rate: "Tasa de denegación",
      decisions: "Decisiones",
    },
    exports: {
      meta: "Exportaciones — Donum",
      title: "Exportar el registro de auditoría",
      intro: "Una exportación es un paquete que puede verificar sin confiar en Donum: las entradas de un periodo (NDJSON y CSV), el punto de control del registro firmado por Donum, la prueba que reconstruye ese punto de control a partir de las entradas y un manifiesto firmado por Donum. Cada exportación queda a su vez anotada en el registro de auditoría.",
      link: "Exportar este periodo",
      back: "Volver a la actividad de auditoría",
      form: {
        heading: "Nueva exportación",
        from: "Desde (día UTC)",
        to: "Hasta (día UTC, incluido; hoy termina ahora)",
        submit: "Iniciar la exportación",
        busy: "Iniciando…",
        started: "La exportación ha comenzado; su progreso se muestra abajo.",
        failed: "No se pudo iniciar la exportación: {message}",
        note: "Sin filtros, el paquete contiene todas las entradas del tramo del registro del periodo, sin huecos; con filtros, contiene las entradas que coinciden, cada una con la prueba de que está en el registro.",
      },
      error: {
        required: "Elija un día.",
        order: "El primer día debe ser anterior o igual al último.",
        future: "El primer día no puede estar en el futuro.",
      },
      list: {
        heading: "Exportaciones recientes",
        empty: "Aún no hay exportaciones.",
        period: "Periodo",
        filters: "Filtros",
        none: "ninguno",
        requested: "Solicitada",
      },
      state: {
        queued: "En espera",
        running: "En curso",
        done: "Terminada",
        failed: "Fallida",
      },
      progress: "{scanned} de {total} entradas leídas",
      progressUnknown: "Buscando las entradas del periodo…",
      done: "{entries} entradas, cubiertas por el punto de control firmado de Donum sobre {treeSize} entradas.",
      download: "Descargar el paquete (.tar)",
      files: "Archivos por separado",
      verify: "Para verificarlo, ejecute esto en una copia de Donum (comprueba ambas firmas, el lugar de cada entrada en el registro, la secuencia y que el registro solo ha crecido desde entonces):",
      failure: "La exportación falló ({code}): {message}. Referencia: {correlationId}",
    },
    kind: {
      granted: "Otorgados",
      amended: "Modificados",
      withdrawn: "Retirados",
      opted_out: "Exclusiones",
    },
    decision: {
      PERMIT: "Autorización",
      DENY: "Denegación",
    },
    type: {
      consent_granted: "Consentimiento otorgado",
      consent_amended: "Consentimiento modificado",
      consent_withdrawn: "Consentimiento retirado",
      consent_opted_out: "Exclusión voluntaria",
      form_published: "Versión del formulario publicada",
      node_registered: "Nodo registrado",
      node_status_changed: "Estado del nodo cambiado",
      node_key_rotated: "Clave del nodo renovada",
      node_request_refused: "Solicitud del nodo rechazada",
      signing_key_rotated: "Clave de firma de Donum renovada",
      export_requested: "Exportación del registro de auditoría solicitada",
      export_completed: "Exportación del registro de auditoría completada",
      export_failed: "Exportación del registro de auditoría fallida",
      decision_made: "Decisión tomada",
    },
    entry: {
      meta: "Entrada del registro de auditoría — Donum",
      back: "Volver a la actividad del registro de auditoría",
      title: "Entrada del registro de auditoría",
      notFound: "No hay ninguna entrada del registro con esta referencia.",
      id: "Referencia de la entrada",
      seq: "Posición en el registro",
      pending: "Todavía no está en el registro",
      actor: "Registrada para",
      purpose: "Finalidad",
      recipient: "Destinatario",
      categories: "Categorías de datos",
      permit: "Permiso de datos o proyecto",
      batch: "Parte de un lote",
      batchItem: "{id}, elemento {index}",
    },
    actorKind: {
      subject: "Una persona",
      operator: "Un operador o una autoridad de control",
      node: "Un nodo de imagen",
      system: "El propio Donum",
    },
    entries: {
      heading: "Entradas",
      count: "Coinciden {total} entradas, de {scanned} en el periodo.",
      showing: "Se muestran de la {first} a la {last}, las más recientes primero.",
      empty: "Ninguna entrada coincide con este filtro.",
      time: "Hora (UTC)",
      type: "Evento",
      node: "Nodo",
      decision: "Decisión",
      reasons: "Motivos",
      subject: "Se refiere a una persona",
      yes: "Sí",
      no: "No",
      none: "—",
      newer: "Entradas más recientes",
      older: "Entradas más antiguas",
      pages: "Páginas de entradas",
    },
  },
};
