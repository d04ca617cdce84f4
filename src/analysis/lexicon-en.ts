import type { Lexicon } from './lexicon.ts';

const DAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow';
const LATER =
  'later|tonight|weekend|quarter|summer|fall|spring|winter|holidays|new|january|february|march|april|june|july|august|september|october|november|december';

/** English sales/service lexicon (same phrase language as the Hebrew one; see text.ts compilePhrases). */
export const ENGLISH_LEXICON: Lexicon = {
  greeting: [
    '^ hi|hello|hey|hiya|howdy|morning|afternoon|evening', 'good morning|afternoon|evening', 'you\'ve reached', 'this is ~ from|with',
    'speaking', 'thank you for calling|taking', 'thanks for calling|taking|hopping|jumping', 'welcome to', 'nice|great|good to meet|connect|finally',
    'am i speaking with|to', 'may i speak with|to', 'from ~ here',
  ],
  opening_agenda: [
    "i'm calling", 'i am calling', 'calling because|about|regarding', 'i called', 'reason for my call', 'reason for the call', "reason i'm calling|reaching",
    'following up on|about|regarding', 'reaching out', 'do you have ~ minute|minutes|moment|sec', 'got a minute|moment|sec',
    'a couple of minutes', 'good|okay|ok|bad|convenient time', 'catch you', "here's what i'd suggest", 'for today', 'goal|purpose of this|the call',
    'agenda', 'i wanted to take', 'keep this|it short|quick', 'scheduled this call', 'suggested i reach|call|contact',
    'you requested|asked for', 'you left your details', 'you filled', 'i wanted to go|talk|check|touch', 'touch base', 'go over a couple',
    "this'll|it'll ~ only take", 'this|it will ~ only take', 'only take ~ minutes|minute|sec', 'plan for today', 'i saw you',
    'about|regarding|on your inquiry|request|interest', 'you downloaded|inquired', 'you signed up', 'you reached out',
  ],
  discovery_question: [
    'walk me through', 'tell me ~ about', 'tell me how|what|why|where|when|who', 'can you tell me', 'help me understand', "i'd love to hear|understand",
    "i'd like to understand|hear",
  ],
  need_statement: [
    'we|i need', 'looking for', 'biggest problem|issue|challenge|headache|pain',
    'the problem|issue is', 'our|my problem|issue', 'struggling', 'i just want', 'i want to', 'what i|we really want|need',
    "i'd love to", 'would love to', 'worries|bothers|concerns me', 'drops|dropping|crashes|crashing', 'keeps ~ dropping|cutting|crashing|failing|breaking|going',
    "doesn't work", 'drowning', "we're losing", 'are losing', 'losing deals|customers|leads|money', "we'll|will need", 'not sustainable',
    'important to me|us', 'important thing for|to me|us', 'matters to me|us', 'main thing for|to me|us', "don't want to pay for", 'do need',
    'definitely|really need',
  ],
  value_statement: [
    'save|saves|saving|savings', 'that|which|this means', 'peace of mind', 'pays for itself', 'the benefit|advantage',
    "never|won't have to", 'get|gets back ~ hours|time', 'hours back', 'instead of', 'cuts|cut ~ in half', 'no surprises',
    'off your plate', 'bottom line', 'close|closes more', 'more deals', 'better coverage', 'lower premium',
    'only pay for', 'protect your', 'this way', 'end up with', 'gives you|your', 'full control', 'control over',
    "you'll always|never", 'you will always|never', 'always know', 'big win', 'help|helps your|you ~ close|grow|save|sell|reach|get',
    'for less', 'the win for you',
  ],
  feature_explanation: [
    'includes|include|including', 'comes|come with', 'connects|integrates to|with', 'warranty', 'mobile app',
    'app where|shows', 'dashboard', 'supports', 'we compare', 'waiting period', 'automatically|automated', 'covers',
    'syncs|sync across|with', '24/7', 'available ~ by', 'you can set up', 'you can add|track|see|choose', 'month to month', 'backups|backup',
    'we integrate', 'integrates|integration with', 'built in|built-in', 'real time', 'on top of that', 'has ~ parking|storage|spots|bedrooms|yard|garage|balcony',
    "there's|theres a|an ~ line|app|portal|dashboard|option|feature|dialer|module|warranty|hotline", 'there is a|an ~ line|app|portal|dashboard|option|feature|dialer|module|warranty|hotline',
  ],
  objection: {
    price: [
      'expensive|pricey|costly|steep', 'too much', 'budget', "can't|cannot|couldn't afford", 'afford',
      'lot of money', 'price is ~ high|higher', 'higher than i expected', 'too high', 'pay that much', 'that much money',
      'out of my|our price range', 'not worth', 'that kind of money', "i'm not paying", 'no way i\'m paying',
      'more than i ~ expected|expecting|pay|paying|thought|budgeted', 'a lot more than', "don't have ~ money",
    ],
    timing: [
      "don't have time", 'do not have time', 'no time', 'not a good|great|right time', 'not now', 'bad time', 'not the right time',
      'call me in|back|later', 'call me ~ next|tomorrow|later|tonight', "isn't|not convenient", "can't deal with", "we're in the middle", 'call back', 'try me again', "i'm in the middle", 'i am in the middle', "let's talk after",
      'maybe next quarter|year|month', "not in a rush|hurry", 'no rush|hurry', "i'm|we're swamped|busy",
      'swamped', 'when i get a chance', 'when i have time', 'send me something', 'couple of months', 'few weeks|months',
      "i'm driving", 'in a meeting', 'too|bit early', 'still figuring', 'think it over', 'think about it', "can't commit", 'not ready yet',
      'not right now',
    ],
    trust: [
      'scam|fraud|rip-off|ripoff', 'how do i know', 'how can i trust', 'how can i be sure', 'heard bad things', 'bad reviews',
      "don't ~ trust", 'do not ~ trust', 'burned|burnt', 'promised me the world', 'why should|would i believe',
      'just want to sell', 'trying to sell me', 'too good to be true', 'sales pitch', "don't ~ believe", 'bad experience|experiences', 'companies like this|that',
      'bad|terrible|negative|awful|horrible reviews', 'card ~ over the phone', 'details over the phone', 'not giving ~ card|number|details', 'you all|guys say', 'disappear',
    ],
    competitor: [
      'lower price|prices|rate', 'half the price', 'better deal|offer|rate', 'quoted me',
      'offer|quote from', 'another|other company|provider|vendor|agent|installer|carrier', 'competitor|competitors', 'comparison site',
      'already using', 'already work with',
    ],
    authority: [
      'my wife|husband|partner|spouse|boss|manager|parents|dad|mom', 'business partner', 'not my call|decision',
      'not up to me', 'up to our|my', 'ceo|cfo|cto|board|procurement', 'sign off|signs off', 'approve|approval',
      'run this|it by', 'check with my', 'decision belongs', 'to management', 'management decides|approves|signs', 'not me',
      "not mine", 'go through finance|legal|procurement|accounting',
    ],
    no_need: [
      'already have|got', 'already covered', "don't ~ need", 'do not need', 'no need', 'not interested', 'doing ~ fine|okay|ok',
      'happy with what', 'not ~ relevant', "doesn't apply", 'why would i ~ need', "everything's taken care of", 'everything is taken care of', "we're|i'm good",
      "isn't|not for me|us", 'no thanks', 'no thank you', 'but no thanks', '^ nah', 'our|my ~ is|are fine', "don't have any issues|problems",
      "don't think ~ need", 'no way',
    ],
  },
  acknowledgement: [
    'got it', 'i hear you', 'fair|good|great point', 'makes sense', 'makes total|perfect sense',
    'if i understand|understood correctly', "what i'm hearing", 'great|good question', 'i understand', 'understood',
    "you're right", 'you are right', 'noted', 'thanks for walking|sharing|explaining|telling', 'thank you for walking|sharing|explaining|telling', 'i see where|what',
    'that helps', 'helpful', 'i get you|it', 'helps me understand', 'i hear what|that', 'heard', 'glad you brought',
  ],
  empathy: [
    'sorry to hear', 'sorry for|about', "i'm|so|really sorry", 'i am sorry', 'apologize|apologise|apologies', 'frustrating|frustrated|frustration',
    'i can imagine', 'can only imagine', 'upset', 'awful|terrible|tough|stressful|exhausting|draining|rough', 'not fun', "you're worried",
    'natural', 'get why', 'the concern|worry', 'your concern|worry', 'angry', 'must be', 'annoying|irritating|unpleasant|upsetting', 'not pleasant',
    'a lot to deal with', 'on your own',
  ],
  social_proof: [
    'most|many|lot of our clients|customers', 'our clients|customers', 'many customers|clients', 'lot of customers|clients',
    'one of my|our clients|customers', 'customers like you', 'families', 'we work with', 'rated', 'stars', 'reviews',
    'testimonials', 'neighbour|neighbor|neighbours|neighbors', 'companies|businesses|offices|firms like', 'switched to us', 'award',
    'percent of our', 'my clients|customers', 'we have a client|customer', "we've done|installed|helped|served", 'over|more than ~ installs|clients|customers|families|businesses|companies|homes',
    'number one', 'like yours', 'joined us', 'came over|switched over',
  ],
  close_attempt: [
    'shall we|i', 'should we go|get', 'get started', 'go ahead', 'move forward', 'lock this|it in', 'sign you up',
    'put you down', 'have a deal', 'ready to', 'which|what works better', 'which do you prefer', 'just say yes',
    'would you like to start|go|sign|get|try', 'how about we', 'start this month|week|today', 'pilot', 'for signature', 'to sign', 'e-signature',
    'what do you say', 'get this going', 'sound|sounds good?', 'good to go', 'would be better', 'get you switched|started', 'get you set up',
  ],
  next_step: [
    "i'll send", 'i will send', "i'm sending", 'sending you', "i'll call|email|follow|check", 'call you back',
    "i'll get back", 'get back to you', 'next step|steps', "we're set", 'we are set', "we'll meet|review|do", 'we will meet|do',
    'all set for', 'invite', 'technician|tech|installer will|is', "i'll text|email|message", 'text|email you', 'passing|pass your details', 'ticket', 'reference number', 'once you sign',
    'calendar', "you'll have|get|receive", 'you will have|get|receive', 'summary', 'in your inbox',
    "i'll ~ have|shoot|forward|set|book|schedule|loop|put|open|arrange|prepare|share|confirm", 'i will ~ have|shoot|forward|set|book|schedule|loop|put|open|arrange|prepare|share|confirm', "i'm forwarding|booking|scheduling|opening|passing",
    'talk|speak ~ monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|soon|then', 'send over',
  ],
  buying_signal: [
    'sounds ~ good|great|interesting|perfect', 'how do we|i move|proceed', 'hear|know|learn more', 'how long until|before', 'installed at', 'what do i|we need to do', 'how do i|we sign|start', 'when would|does|will ~ start',
    'when can i|we start', 'pay by|with', 'payment options', 'how long does ~ take', "i'm in", 'what documents|paperwork', 'documents do you need',
    'need from me', 'could|can i add', 'add my', 'send me the form|contract|paperwork', "i'll sign", 'possible to start',
    'what i was looking for', 'how much would|will it', 'how much would it be', 'interesting', 'interested', 'exactly what i|we need|want',
    'where do i|we sign', 'pretty good actually',
  ],
  small_talk: [
    'weekend', 'raining|rain|weather|snow|freezing', 'hot|cold today', 'the game|match', 'congrats|congratulations',
    'happy holidays|birthday', 'happy new year', 'merry christmas', "you're driving", 'on the road', 'traffic', 'originally from',
    'how are you $', 'how are you doing|today', "how's it going", 'how have you been', 'how are the kids', 'school', 'vacation', 'holidays|holiday',
    "how's|hows your ~ week|day|weekend", 'how is your ~ week|day|weekend', 'how was the|your ~ trip|weekend|vacation|holiday|holidays|flight|game|break', 'trip', 'good luck with', 'grew up', 'grandpa|grandma|grandkid|grandkids|wedding',
  ],
  other: [
    'one second|sec|moment', 'hang|hold on', 'bear with me', 'give me a second|sec|moment', 'just a moment', 'pull up',
    'typing', 'transfer you', 'on hold', 'on a brief hold', "didn't catch", "didn't hear", 'can|could you repeat', 'say that again',
    'cut out', 'breaking up', 'can you hear me', 'id number', 'battery', 'the dog', 'switch rooms', "can't|cannot hear you", 'another call', 'call waiting',
    'on speaker', 'my laptop', 'my number is', 'look that|it up', 'writing|write that|it down',
  ],
  scheduling: [
    'set up ~ call|meeting|review|demo|appointment', 'work for a|the meeting|call|demo', 'book|schedule', `${DAYS} or ${DAYS}`,
  ],
  capability: ["you can ~ cancel|upgrade|add|see|track|manage|switch|pause|choose|change", 'cancel anytime|any time'],
  buyingPrice: [
    'how much', "what's|whats ~ price|cost|damage|monthly", 'what is ~ price|cost', 'what ~ cost|costs|charge', 'run me', 'price ~ per|month',
  ],
  buyingProcess: [
    'how soon|quickly|fast ~ install|start|set|get|begin|have|activate|switch|deliver|kick|ready',
    'when ~ start|begin|kick|kicks|install|activate|effective|ready|live', 'when ~ take effect', 'when ~ get it',
    'how long ~ take|takes|until|before|install|installation',
    'can|could|may i|we ~ pay|start|get|add|sign|see|try|switch|upgrade|cancel|come|join|set',
    'discount|discounts|promo|promotion|trial|installments', 'payment plan', 'include|included|includes|extra|separately', 'on top', 'need from me', 'what do i|we need to ~ do|send|bring|sign|get',
    'documents|paperwork', 'where do i|we sign', 'next step|steps', 'the process', 'how do we|i ~ get|proceed|move|sign|join|start|do',
    'credit card', 'pay monthly|by|in|with', 'kick in', 'take effect', 'go live', 'sign up',
  ],
  closeProposal: [
    'shall we|i', 'should i|we', 'want me to', 'would you like', 'do you want to', 'are you ready', 'ready to',
    'want to', 'wanna', 'sound|sounds good $', 'good to go', 'do we have a deal', 'have a deal', 'how about we', "let's", 'what do you say', 'go ahead', 'sign you up',
    'put you down', 'what would need to happen', 'works better', 'would be better', 'better for you', 'which|what works',
    'can|could|should i ~ send|put|sign|book|go', 'get you switched|started', 'get you set up',
  ],
  paraphrase: [
    "if i'm hearing you right|correctly", 'if i am hearing you right|correctly', 'if i understand|understood correctly|right', "so what i'm hearing", "so what you're saying",
  ],
  lineCheck: ['still there', 'are you there', 'can you hear me', 'you there'],
  youNeedNot: ["you|you'll ~ don't|won't|never|wouldn't ~ need|have", "you don't have to"],
  brands: [
    'progressive', 'geico', 'allstate', 'state farm', 'liberty mutual', 'usaa', 'hubspot', 'salesforce', 'pipedrive', 'zoho',
    'comcast', 'xfinity', 'verizon', 'at&t', 'at&t\'s', 'att', 't-mobile', 'tmobile', 'sprint', 'spectrum', 'sunrun', 'vivint', 'tesla',
    'zillow', 'redfin', 'compass', 'monday.com', 'zendesk', 'freshdesk',
  ],
  otherParty: [
    'another|other company|provider|vendor|agent|installer|carrier|broker', 'competitor|competitors',
    'my|our current|previous|old agent|provider|vendor|carrier|broker', 'comparison site',
  ],
  competitorCue: [
    'offer|offers|offered|quote|quoted|gave|gives|giving', 'cheaper', 'less', 'lower', 'better', 'half', 'beat|beats',
    'been with|on|using', 'no reason to', 'happy with', 'already using|use|with',
  ],
  switchedToUs: ['came|come|switched|moved over', 'came|switched|moved from', 'joined us'],
  deciders: [
    'my|our wife|husband|partner|spouse|boss|manager|parents|dad|mom|accountant|lawyer|team|cfo|ceo|board',
    'the boss|board|owner|owners', 'ceo|cfo|cto|procurement|finance|legal|accounting|management|headquarters|hq',
  ],
  decisionVerbs: [
    'ask|asking|check|checking|run|talk|talking|consult|discuss|decide|decides|decision|decisions|approve|approves|approval',
    'call|calls|handles|handle|sign|signs|through|charge|up|look|loop',
  ],
  deferral: [
    'call|ring|try|text|email|ping me', 'reach|get back to me', 'hit me up', 'call back', "let's|lets ~ talk|circle|revisit|reconnect|pick|touch", 'circle back',
    'talk to me', 'come back to me', "i'll ~ look at it", "i'll get to it", 'look at it', 'revisit', 'reach out',
  ],
  later: [
    'after the|new', `after ~ ${LATER}`, 'in a few|couple', 'in ~ weeks|months|years', 'in like', 'next week|month|quarter|year',
    LATER, 'end of the month|year|quarter',
  ],
  currentState: ['today|currently|nowadays', 'right now', 'these days', 'at the moment'],
  whyNeed: ['why would i|we ~ need', 'why do i|we need'],
  backchannel: [
    'yeah', 'yes', 'yep', 'yup', 'uh-huh', 'uh', 'huh', 'okay', 'ok', 'right', 'mm-hmm', 'mhm', 'mm', 'hmm', 'sure', 'oh', 'ah', 'cool',
    'great', 'alright', 'gotcha', 'totally', 'absolutely', 'definitely', 'k', 'kk', 'yea', 'ya',
  ],
  fillers: ['um', 'umm', 'uh', 'uhm', 'erm', 'er', 'hmm', 'you know', 'i mean', 'kind of', 'sort of', 'basically', 'literally', 'like,'],
  secondPerson: ['you', 'your', "you're", "you've", "you'd", 'yours', 'yourself'],
  secondPossessive: ['your', 'yours'],
  firstPerson: ['i', 'me', 'my', "i'm", "i've", "i'd", "i'll", 'we', 'our', 'us', "we're", "we've"],
  currency: ['dollar|dollars|bucks|pounds|euros|euro|percent|shekels|cents|grand|million|thousand|hundred', '#'],
  priceContext: [
    'price|cost|costs|fee|fees|premium|runs|billing|charge|total|paying|asking|grand|bucks|dollars', 'a|per month|year|user|seat', 'comes to',
    'instead of', 'works out', 'for # instead',
  ],
  savings: ['save|saves|saving|savings', 'went|goes|go up', 'increase|increased'],
};
