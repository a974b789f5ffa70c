"""The words the message checks look for, in English, Hindi (Devanagari) and Hinglish (romanised Hindi).

Data only: ``trust.fishing`` and ``trust.statements`` compile these. Every entry is a regular-expression fragment
matched against *normalised* text (see ``fishing.normalise``: lower case, nukta dropped, chandrabindu written as
anusvara, invisible characters removed, one space between words), so "ज़रूरी" and "जरूरी", "बताएँ" and "बताएं",
"Aadhaar" and "AADHAR" are written once. ``~`` stands for "any further letters of the same word" (Latin or
Devanagari, including vowel signs, which Python's ``\\w`` does not match). Word boundaries are added by the
compiler: a fragment never matches inside a longer word.

To add a spelling: add it to the right list and a labelled line to tests/trust/data/messages.csv, then run
``bench/trust_messages_quality.py`` to see that precision did not drop.
"""

# --- what a message may ask for -------------------------------------------------------------------------------

# Before anything is matched: "Aadhaar no." / "mob. no" mean "number", not the negation "no".
NUMBER_ABBREVIATIONS = (
    r"(aa?dh?aa?r|mobile|mob|phone|ph|contact|account|a/c|acct|voter id|epic|card|whatsapp)\.? ?(?:no|nos|num|nbr|"
    r"nmbr)\.?(?![\w\u0900-\u097f])"
)

CATEGORIES = {
    "phone": [
        r"(?:mobile|mob|phone|fone|telephone|contact|whatsapp|whats app|watsapp|watsap|whatsaap|cell) ?(?:number|numbr|"
        r"nambar|nmbr)",
        r"(?:मोबाइल|मोबाईल|फोन|संपर्क|सम्पर्क|व्हाट्सएप|व्हाट्सऐप|वाट्सएप|वॉट्सऐप|व्हाट्सअप) ?(?:नंबर|नम्बर|संख्या)",
        r"(?:apna|apni|apne|aapka|aapki|aapke|apka|apki|apke|your|ur|अपना|अपनी|अपने|आपका|आपकी|आपके|तुम्हारा) (?:mobile|"
        r"mob|phone|number|no|नंबर|नम्बर|मोबाइल|फोन)(?! (?:par|pe|per|me|mein|se|पर|में|से|on))",
        # a bare "mobile" in a list ("naam, mobile, aadhar"), but not "mobile pe aaya" (arrived on the phone)
        r"(?:mobile|मोबाइल)(?! (?:par|pe|per|me|mein|se|app|phone|पर|में|से|ऐप))",
        r"दूरभाष",
    ],
    "aadhaar": [
        # "के आधार पर" / "ke aadhar par" means "on the basis of", the commonest use of the word in political text
        r"(?<!के )आधार(?! पर)(?! के)",
        r"(?<!ke )aa?dh?aa?r~(?! pe)(?! par)(?! ke)",
        r"uidai", r"e-?kyc", r"ई-?केवाईसी", r"केवाईसी",
    ],
    "voter_id": [
        r"voter ?(?:id|i\.d\.?|card|identity card|photo id|slip|parchi)~",
        r"epic (?:number|card|id)",
        r"electors? photo identity card", r"election (?:id|card)",
        r"matdata (?:pehchan|pahchan|pehchaan|pahachan|parichay) (?:patra|patr|card)",
        r"मतदाता (?:पहचान|परिचय) (?:पत्र|कार्ड)", r"मतदाता कार्ड",
        r"वोटर (?:आईडी|आई डी|आइडी|कार्ड|पर्ची|id|card)", r"इलेक्शन कार्ड", r"चुनाव (?:पहचान पत्र|कार्ड)",
        r"ईपीआईसी",
    ],
    "otp": [
        r"o\.? ?t\.? ?p~", r"ओटीपी", r"ओ टी पी", r"one[- ]time[- ]pass(?:word|code)",
        r"verification code",
        r"(?:4|6|four|six|chhe|chhah|छह|छः|चार) ?-?(?:digit|digits|ank|anko|अंक|अंकों|अंको)(?: (?:ka|wala|का|"
        r"वाला))? (?:code|कोड)",
        r"(?:sms|message|msg|मैसेज|एसएमएस) (?:me|mein|में|par|पर) (?:aaya|aya|आया) (?:code|कोड)",
        r"(?:code|कोड) (?:jo|जो)", r"(?:jo|जो) (?:code|कोड)",
        r"(?:code|कोड)(?: \S+){0,4} (?:aaya|aya|आया|mila|मिला|received|you got)",
    ],
    "bank_or_upi": [
        r"(?:bank|बैंक) ?(?:account|a/c|acct|khata|khaata|details|detail|jankari|jaankari|passbook|खाता|विवरण|जानकारी|"
        r"पासबुक|डिटेल~)",
        r"(?:account|a/c|acct|khata|khaata|खाता) ?(?:number|numbr|nambar|संख्या|नंबर|नम्बर)", r"ifsc~", r"आईएफएससी",
        r"cvv", r"सीवीवी", r"atm (?:pin|card)", r"एटीएम (?:पिन|कार्ड)", r"(?:debit|credit) card~",
        r"(?:डेबिट|क्रेडिट) कार्ड",
        r"(?<!voter )(?<!aadhar )(?<!aadhaar )(?<!ration )(?<!id )(?<!pan )card (?:number|details|detail|pin)",
        r"upi ?pin", r"यूपीआई ?पिन", r"m-?pin",
        r"net ?banking~", r"नेट ?बैंकिंग", r"passbook", r"cheque",
    ],
    "address": [
        r"address~", r"adress~", r"addres", r"pin ?code", r"पिन ?कोड", r"ghar ka pata", r"घर का पता",
        r"(?:apna|apni|aapka|apka|pura|poora|naam|name|naam aur) pata", r"(?:अपना|आपका|पूरा|नाम|नाम और|नाम,) पता",
        r"pata (?:bhej|likh|share|bata|de|aur|or|evam|va|tatha|aur)~", r"पता (?:भेज|लिख|शेयर|बता|दें|दो|और|एवं|व|तथा)~",
        r"(?:live )?location", r"लोकेशन", r"निवास (?:स्थान|का पता)", r"एड्रेस",
    ],
    "photo": [
        r"photo~(?! (?:id|identity))", r"foto~", r"pics?", r"picture~", r"selfie~", r"scan(?:ned)? copy", r"photocopy",
        r"screenshot~",
        r"फोटो~(?! पहचान)", r"तस्वीर~", r"सेल्फी", r"स्क्रीनशॉट", r"फोटोकॉपी", r"छायाप्रति",
    ],
    "money": [
        r"paise", r"paisa", r"paisey", r"paiso", r"rupa?ye~", r"rupee~", r"rs\.?", r"inr", r"₹", r"fees?",
        r"donation~", r"donate", r"chanda", r"chandaa", r"sahyog rashi", r"rashi", r"payment~", r"pay",
        r"money", r"cash", r"amount", r"rakam", r"रकम", r"पैसे", r"पैसा", r"रुपये", r"रुपए", r"रुपया", r"रु\.?",
        r"शुल्क", r"फीस", r"चंदा", r"दान", r"सहयोग राशि",
        r"राशि", r"भुगतान", r"पेमेंट",
    ],
}

# A UPI id alone is the reader's data only when no payment is asked for in the same sentence: "pay ₹100 on UPI"
# names the *sender's* UPI id, "apna UPI id bhejo" asks for the reader's.
UPI_MENTIONS = [
    r"upi(?: ?id)?", r"यूपीआई(?: ?आईडी)?", r"g-?pay", r"google ?pay", r"phonepe", r"paytm",
    r"पेटीएम", r"फोनपे",
]
POSSESSIVES = [
    r"apna", r"apni", r"apne", r"aapka", r"aapki", r"aapke", r"apka", r"apki", r"apke", r"your", r"ur", r"अपना",
    r"अपनी", r"अपने", r"आपका", r"आपकी", r"आपके",
]

# "your details" without saying which: still personal data
GENERIC_DETAILS = [
    r"(?:your|ur|apni|apna|apne|aapki|aapka|apki|apka|personal|niji|vyaktigat)(?: (?:puri|poori|sari|saari|full|"
    r"complete|all))? (?:details?|information|info|jankari|jaankari|vivaran|documents?|kyc|data)",
    r"(?:अपनी|अपना|अपने|आपकी|आपका|निजी|व्यक्तिगत)(?: (?:पूरी|सारी|सभी))? (?:जानकारी|विवरण|डिटेल~|दस्तावेज~|केवाईसी|"
    r"डेटा)",
    r"kyc", r"केवाईसी",
    r"(?:the )?above(?: details| information)?", r"(?:the )?following(?: details| information)?",
    r"upar (?:di|likhi) (?:gayi|gai|hui) (?:details|jankari|jaankari)", r"(?:ऊपर|नीचे) (?:दी|लिखी) (?:गई|गयी) जानकारी",
    r"निम्नलिखित जानकारी", r"(?:is|iss) format", r"इस (?:फॉर्मेट|प्रारूप)",
]

# --- asking the reader to do something ------------------------------------------------------------------------

REQUESTS = [
    # English
    r"send~", r"share~", r"forward~", r"fill~", r"submit~", r"provide~", r"give~", r"enter~", r"type", r"tell~",
    r"text (?:us|me|him|her)",
    r"reply~", r"upload~", r"update~", r"verify~", r"confirm~", r"register~", r"pay", r"transfer~", r"deposit~",
    r"donate", r"dm", r"inbox", r"message us", r"whatsapp (?:us|your|it|me)", r"drop~", r"post your", r"write",
    r"need~", r"required", r"mandatory", r"compulsory", r"must", r"what(?:'s| is| was) (?:your|the)", r"link your",
    r"sign up",
    r"apply", r"click~",
    # Hinglish
    r"bhej~", r"(?:share|forward|fill|upload|update|jama|inbox|message|msg|whatsapp|verify|link|register|pay|"
    r"transfer|submit|bhugtan|confirm|enter|type|post|sampark) ?(?:kar|kr)~",
    r"bhar(?:o|e|en|ein|iye|ie|na|de|do|dein|dijiye|kar)", r"likh(?:o|e|en|ein|iye|ie|na|de|do|dein|kar)",
    r"bata(?:o|e|en|ein|ye|yen|yein|iye|ie|na|de|do|dein|dijiye)", r"(?:de|do) ?(?:do|dijiye|dijie|dein|den)",
    r"(?:bhej|bata|likh|de|daal|bhar|share kar|forward kar|send kar) (?:do|dena|dijiye|dijie|dein|den|de)",
    r"dijiye", r"dijie", r"dein", r"den", r"daal(?:o|e|en|ein|iye|na|de|do|dein)", r"dal(?:o|en|ein|iye)",
    r"chahiye", r"chaiye", r"chahie", r"ja?r(?:u|oo|o)ri", r"za?r(?:u|oo|o)ri", r"anivarya", r"aavashyak", r"avashyak",
    r"(?:aapka|apka|aapki|apki|tumhara|your)[^.?!]* (?:kya hai|kya he)",
    # Hindi
    r"भेज~",
    r"(?:शेयर|साझा|फॉरवर्ड|फारवर्ड|अपलोड|अपडेट|सबमिट|इनबॉक्स|ट्रांसफर|पंजीकरण|रजिस्टर|सत्यापित|वेरिफाई|वेरीफाई|भुगतान|"
    r"पेमेंट) ?(?:कर|करा)~",
    r"भर(?:ें|ो|िए|िये|ना|कर|ने|दें)", r"लिख(?:ें|ो|िए|िये|कर|ना|दें)",
    r"बता(?:एं|ओ|इए|इये|ना|ये|यें|ें|दें)", r"दें", r"दीजिए", r"दीजिये", r"डाल(?:ें|ो|िए|िये|ना|कर|दें)",
    r"जमा (?:कर|करा)~", r"मैसेज (?:कर|करें)~", r"व्हाट्सएप (?:कर|करें)~", r"लिंक (?:कर|करें)~", r"चाहिए",
    r"जरूरी", r"आवश्यक", r"अनिवार्य", r"(?:आपका|आपकी|तुम्हारा)[^.?!]* क्या है",
]
# short verbs that are a request only after the thing asked for ("Aadhaar number do"): before it, English "do"
# is an auxiliary ("do you have…") and Hindi "दो" is also the number two
REQUESTS_AFTER_OBJECT = [r"do", r"de", r"दो", r"दे"]

# --- what makes a mention a warning, not a request -------------------------------------------------------------

NEGATIONS = [
    r"never", r"not", r"dont", r"doesnt", r"wont", r"cant", r"no", r"nobody", r"no one", r"avoid~",
    r"refrain", r"beware", r"mat", r"na", r"nahi", r"nahin", r"nhi", r"nahee", r"kabhi",
    r"न", r"ना", r"नहीं", r"नही", r"मत", r"कभी",
]
WARNINGS = [
    r"fraud~", r"scam~", r"fake", r"cheat~", r"phishing", r"beware", r"caution", r"alert", r"warning",
    r"dhokha~", r"dhoka~", r"thag~", r"farzi", r"farji", r"nakli", r"savdhan", r"sawdhan", r"saavdhan", r"satark",
    r"सावधान", r"सतर्क", r"धोखा~", r"ठग~", r"फर्जी", r"नकली", r"फ्रॉड", r"स्कैम",
]
# removed before negations are looked for: they contain a "not" but ask all the same
NOT_NEGATIONS = [
    r"(?:do not|don't|dont|never) (?:forget|delay|miss|wait|worry|hesitate)", r"no (?:delay|worries|tension)",
    r"(?:bhoolen|bhulen|bhoolna|bhulna|bhule|bhoolein) (?:nahi|mat|na)", r"(?:na|mat) (?:bhoolen|bhulen|bhoolein)",
    r"(?:chinta|tension|fikar|fikr) (?:na|mat|nahi)~ ?(?:karein|karen|karo|kare|kijiye)?",
    r"(?:ghabraye|ghabrayein|ghabraiye|ghabrao|ghabrana) (?:nahi|mat|na)",
    r"(?:भूलें|भूले|भूलना|भूलिए) (?:नहीं|मत|न)", r"(?:न|मत) (?:भूलें|भूलिए)",
    r"(?:चिंता|फिक्र) (?:न|ना|मत) (?:करें|करो|करे|कीजिए)",
    r"(?:घबराएं|घबराइए|घबराओ) (?:नहीं|मत|न)", r"(?:देर|देरी) (?:न|ना|मत) (?:करें|करो|कीजिए)",
    r"(?:der|deri) (?:na|mat) (?:karein|karen|karo|kijiye)",
]
# Hinglish "bhejo na" is "do send it": "na" right after an imperative pleads, it does not negate
EMPHATIC_NA = r"(?<! ko)(?<! to)(?<! jo)(?<! so)(?<! को)(?<! तो)(?<! जो)(?<=[oो]) (?:na|ना)(?![\w\u0900-\u097f])"
# "…warna membership cancel": the "na"/"not" in these is a threat, not a warning
THREATS = [
    r"warna", r"varna", r"nahi ?to", r"nahin ?to", r"otherwise", r"or else", r"else your", r"वरना", r"अन्यथा",
    r"नहीं तो", r"(?:nahi|nahin|na)(?= \S+ (?:to|toh)(?![\w\u0900-\u097f]))", r"(?:नहीं|न)(?= \S+ तो)", r"unless",
    r"will be (?:cancelled|canceled|blocked|removed|deleted|suspended|closed|terminated)",
    r"(?:cancel|radd|band|block|delete) (?:ho|kar di|kar diya)~", r"(?:रद्द|बंद|ब्लॉक|निरस्त) (?:हो|कर दी|कर दिया)~",
    r"membership (?:cancel|radd)~", r"सदस्यता (?:रद्द|समाप्त)~",
]
URGENCY = [
    r"urgent~", r"immediately", r"turant", r"fauran", r"jaldi", r"within \d+ (?:hours|hrs|minutes|mins)",
    r"\d+ (?:ghante|ghanton|घंटे|घंटों)", r"today only", r"last date", r"last chance", r"aaj hi", r"antim tithi",
    r"तुरंत", r"फौरन", r"जल्दी", r"आज ही", r"अंतिम (?:तिथि|तारीख|मौका)", r"अभी",
]
# "ध्यान दें" is "please note", "vote dein" is "go and vote": neither asks for anything personal
NOT_REQUESTS = [
    r"dhyan (?:dein|den|de|do)", r"ध्यान (?:दें|दे|दो)", r"please note",
    r"vote (?:dein|den|de|do|karein|karen|kare|karo|daalein|dalein|dalen)", r"(?:वोट|मत) (?:दें|दे|दो|करें|डालें)",
    r"मतदान (?:करें|कर)~", r"saath (?:dein|den|de|do)", r"साथ (?:दें|दे|दो)",
]
CONDITIONALS = [r"if", r"agar", r"yadi", r"अगर", r"यदि", r"jab tak", r"जब तक"]
# a promise ("₹500 milenge") is bait, not a request for the reader's money
LURES = [
    r"mil(?:enge|egi|ega|ta|ti)", r"mil (?:sake|sakta|jayega|jayegi|jaega)", r"aa jayega", r"paa?o", r"paa?ne",
    r"paa?(?:yen|yein|iye)", r"jeet~", r"win~", r"you(?:'ll| will)? get", r"get (?:a |an )?(?:free|prize|reward)~",
    r"receive~", r"earn~", r"(?:transfer|credit|jama) (?:karenge|kar denge|ho jayega)", r"bhejenge", r"denge",
    r"honorarium", r"allowance", r"stipend", r"scholarship", r"refund", r"sam+a+n rashi", r"bhatta", r"सम्मान राशि",
    r"भत्ता", r"भत्ते", r"मिल (?:सके|जाएगा|जाएगी)", r"पाने", r"kama(?:o|yen|yein|iye)", r"inaam", r"reward~", r"prize~",
    r"cashback", r"free", r"muft",
    r"मिलेंगे", r"मिलेगा", r"मिलेगी", r"पाएं", r"पाइए", r"जीत~", r"इनाम", r"मुफ्त", r"कमाएं", r"कैशबैक",
]

# --- links ---------------------------------------------------------------------------------------------------

URL = (
    r"(?:https?://|www\.)[^\s<>\"']+|(?<![\w.@])(?:[a-z0-9-]+\.)+(?:com|in|org|net|ly|gle|gl|gd|gy|cc|at|me|io|co|link|"
    r"info|xyz|online|site)/[^\s<>\"']*"
)
FORM_HOSTS = ["forms.gle", "docs.google.com/forms", "forms.office.com", "jotform", "typeform", "surveymonkey",
              "zfrmz", "forms.zohopublic", "formfacade"]
SHORTENERS = ["bit.ly", "tinyurl.com", "goo.gl", "t.ly", "cutt.ly", "is.gd", "rb.gy", "tiny.cc", "ow.ly",
              "shorturl.at", "s.id", "v.gd", "t.co", "rebrand.ly", "bl.ink"]
# what goes with a link that collects details
FORM_WORDS = [
    r"form~", r"फॉर्म", r"फार्म", r"fill~", r"bhar(?:o|e|en|ein|iye|ie|na|de|dein)", r"भर(?:ें|ो|िए|िये|ना|कर|दें)",
    r"register~", r"registration", r"रजिस्टर", r"पंजीकरण", r"apply", r"आवेदन", r"details?", r"डिटेल~", r"जानकारी",
    r"jankari", r"jaankari", r"verify~", r"kyc", r"केवाईसी", r"सत्यापन", r"sign up", r"renew~", r"नवीनीकरण",
    r"activate~", r"claim~",
]

# --- who the message says it comes from -----------------------------------------------------------------------

OFFICIAL_CLAIMS = [
    r"it ?cell", r"आईटी ?सेल", r"आई टी सेल", r"social media (?:cell|team|wing|prakoshth)",
    r"सोशल मीडिया (?:सेल|टीम|प्रकोष्ठ|विभाग)",
    r"media cell", r"मीडिया (?:सेल|प्रकोष्ठ)", r"war ?room", r"वॉर ?रूम", r"digital team", r"डिजिटल टीम",
    r"official (?:team|group|account|message|msg|notice|announcement|update|order|circular|letter|number|page|"
    r"handle|whatsapp group|appeal|instruction|information|communication|cell|campaign)~",
    r"officially", r"(?:this is|on behalf of) (?:the )?(?:party|movement)",
    r"(?:from|by|issued by) (?:the )?(?:party|movement) (?:office|headquarters|hq|leadership|high command|team)",
    r"from (?:the )?(?:party|movement)(?= ?[:\-–—]|$)",
    # an office names itself as the sender ("Party office:", "पार्टी कार्यालय से"), "send it to the party office"
    # does not
    r"(?:party|central|state|national|district) (?:office|headquarters|hq)(?= ?[:\-–—])",
    r"from (?:the )?(?:central|state|national|district) (?:office|headquarters|hq)", r"high ?command", r"हाई ?कमान",
    r"(?:party|paarti) (?:ki|ke) (?:or|taraf|oar) se",
    r"पार्टी (?:की|के) (?:ओर|तरफ) से",
    r"(?:आधिकारिक|अधिकृत|ऑफिशियल) (?:सूचना|संदेश|ग्रुप|समूह|टीम|घोषणा|अपील|आदेश|निर्देश|पत्र|नंबर|पेज|खाता|अकाउंट|"
    r"अभियान)",
    r"adhikarik", r"adhikrit", r"आधिकारिक रूप से",
    r"(?:पार्टी|केंद्रीय|प्रदेश|राष्ट्रीय|जिला) (?:कार्यालय|मुख्यालय)"
    r"(?= ?[:\-–—]| (?:से|की ओर से|की तरफ से)(?: ?[:\-–—]|$))",
    r"party (?:karyalay|karyalaya|mukhyalay)(?= ?[:\-–—]| (?:se|ki or se|ki taraf se)(?: ?[:\-–—]|$))",
    r"(?:नेतृत्व|अध्यक्ष जी) (?:के|की) (?:निर्देश|आदेश)~",
]

# --- quotes attributed to the leadership ----------------------------------------------------------------------

SPEECH = [
    r"said", r"says", r"stated", r"announced", r"declared", r"statement", r"quote~", r"promised", r"appeal~",
    r"message from", r"ne kaha", r"ne bola", r"ne ghoshna", r"ka bayan", r"ka byan", r"ka sandesh", r"ki apeel",
    r"kehna hai", r"bole", r"ने कहा", r"ने बोला", r"ने घोषणा", r"का बयान", r"बयान", r"का संदेश", r"की अपील",
    r"कहना है", r"बोले", r"ने ऐलान", r"ऐलान", r"घोषणा", r"उद्घोषणा",
]
LEADERSHIP = [
    r"leader~", r"president", r"chief", r"chairman", r"chairperson", r"secretary", r"spokesperson", r"leadership",
    r"high command", r"party", r"adhyaksh", r"neta", r"netaji", r"pramukh", r"ji", r"sahab", r"saheb",
    r"नेता~", r"नेताजी", r"अध्यक्ष", r"प्रमुख", r"महासचिव", r"प्रवक्ता", r"नेतृत्व", r"पार्टी", r"जी", r"साहब",
    r"संयोजक", r"संस्थापक",
]

# --- forwarding noise, dropped before a forward is compared with statements -------------------------------------

FORWARD_NOISE = [
    r"forwarded(?: as received| many times)?", r"forward as received", r"fwd:?", r"fw:?", r"as received",
    r"breaking(?: news)?", r"must read", r"must share", r"share (?:maximum|max|karo|karein|kare|with all)~",
    r"viral", r"(?:please )?share(?: it)?", r"please forward", r"jarur padhe~", r"zaroor padhe~", r"jaroor padhe~",
    r"जरूर पढ़ें", r"जरूर पढें", r"अवश्य पढ़ें", r"आगे भेजें", r"सभी को भेजें", r"ज्यादा से ज्यादा शेयर करें",
    r"ब्रेकिंग(?: न्यूज)?", r"बड़ी खबर", r"बडी खबर", r"badi khabar", r"big news", r"exclusive", r"latest",
]
